namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>a &amp;&amp; b || c</c>: each step runs depending on the previous status.</summary>
internal sealed record AndOrNode(int Line, ShellNode First, IReadOnlyList<(bool IsAnd, ShellNode Node)> Rest) : ShellNode(Line);
