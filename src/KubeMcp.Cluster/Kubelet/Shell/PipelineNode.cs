namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>a | b | c</c>, optionally negated with <c>!</c>.</summary>
internal sealed record PipelineNode(int Line, IReadOnlyList<ShellNode> Commands, bool Negated) : ShellNode(Line);
