namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>A sequence of commands separated by <c>;</c>, <c>&amp;</c> or newlines.</summary>
internal sealed record ListNode(int Line, IReadOnlyList<(ShellNode Node, bool Background)> Items) : ShellNode(Line);
