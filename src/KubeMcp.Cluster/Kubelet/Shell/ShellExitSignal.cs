namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>The shell process ends (<c>exit</c>, <c>set -e</c>, a fatal expansion error) with <see cref="Status"/>.</summary>
internal sealed class ShellExitSignal(int status) : Exception($"shell exited with status {status}")
{
    public int Status { get; } = status;
}
