namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>NAME=value</c> before a command (or alone).</summary>
internal sealed record Assignment(string Name, Word Value);
