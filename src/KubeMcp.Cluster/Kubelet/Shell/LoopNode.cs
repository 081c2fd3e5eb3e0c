namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>while</c> (or <c>until</c>) <c>condition; do body; done</c>.</summary>
internal sealed record LoopNode(int Line, bool Until, ListNode Condition, ListNode Body) : ShellNode(Line);
