namespace KubeMcp.Cluster.Kubelet;

/// <summary>The output stream a container wrote a log line to.</summary>
internal enum LogStreamKind
{
    Stdout,
    Stderr,
}
