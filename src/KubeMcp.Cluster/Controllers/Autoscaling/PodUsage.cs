namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>A pod's current resource use: CPU in millicores, memory (working set) in bytes.</summary>
internal readonly record struct PodUsage(long MilliCpu, long MemoryBytes);
