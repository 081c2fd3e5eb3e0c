namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// Valid shell the simulation does not interpret (here-documents, <c>case</c>, functions…). The container is then
/// treated as a healthy long-running process, and the reason is recorded as a simulation note.
/// </summary>
internal sealed class ShellUnsupportedException(string construct) : Exception($"{construct} is not simulated")
{
    public string Construct { get; } = construct;
}
