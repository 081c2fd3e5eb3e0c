namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>for NAME in words; do body; done</c>; null <see cref="Items"/> iterates the positional parameters.</summary>
internal sealed record ForNode(int Line, string Variable, IReadOnlyList<Word>? Items, ListNode Body) : ShellNode(Line);
