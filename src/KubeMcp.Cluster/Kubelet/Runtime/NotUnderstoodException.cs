namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>
/// The simulation reached a program or construct it does not model. In a container this means "assume a healthy,
/// quiet, long-running process from here"; in an exec session the command is reported as not supported.
/// </summary>
internal sealed class NotUnderstoodException(string command, string note) : Exception(note)
{
    /// <summary>The command name, for the exec error message.</summary>
    public string Command { get; } = command;
}
