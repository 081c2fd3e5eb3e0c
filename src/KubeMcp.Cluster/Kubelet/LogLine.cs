namespace KubeMcp.Cluster.Kubelet;

/// <summary>One line a simulated container wrote, <see cref="Offset"/> after the container started.</summary>
internal readonly record struct LogLine(TimeSpan Offset, string Text, LogStreamKind Stream = LogStreamKind.Stdout);
