namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>Where a container's stdout and stderr end up: the log, or an exec session's buffers.</summary>
internal interface IProcessOutput
{
    void Write(LogStreamKind stream, string text, TimeSpan at);

    /// <summary>Ends any unterminated line (the runtime logs a partial line when the process exits).</summary>
    void Flush(TimeSpan at);
}
