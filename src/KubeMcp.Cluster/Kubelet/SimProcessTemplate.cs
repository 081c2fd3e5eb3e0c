namespace KubeMcp.Cluster.Kubelet;

/// <summary>A process a running program shows in <c>ps</c>; <see cref="User"/> null means the container's user.</summary>
internal sealed record SimProcessTemplate(string Command, string? User);
