namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>An I/O redirection of file descriptor <see cref="Fd"/>.</summary>
internal sealed record Redirection(int Fd, RedirectionKind Kind, Word Target);
