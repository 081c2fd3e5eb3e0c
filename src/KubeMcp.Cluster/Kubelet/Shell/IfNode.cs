namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>if … then … elif … then … else … fi</c>.</summary>
internal sealed record IfNode(int Line, IReadOnlyList<(ListNode Condition, ListNode Body)> Branches, ListNode? Else) : ShellNode(Line);
