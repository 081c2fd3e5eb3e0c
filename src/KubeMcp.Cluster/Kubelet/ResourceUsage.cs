namespace KubeMcp.Cluster.Kubelet;

/// <summary>Memory (working set, bytes) and CPU (millicores) a simulated container uses at some moment.</summary>
internal readonly record struct ResourceUsage(long MemoryBytes, long CpuMillicores);
