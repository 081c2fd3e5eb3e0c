namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>The container's main flow reached something that runs until killed (a server, <c>sleep infinity</c>).</summary>
internal sealed class RunsForeverSignal() : Exception("the process runs until it is stopped");
