namespace KubeMcp.Cluster.Kubelet;

/// <summary>A process as <c>ps</c> inside the simulated container lists it.</summary>
internal sealed record SimProcess(int Pid, string User, string Command);
