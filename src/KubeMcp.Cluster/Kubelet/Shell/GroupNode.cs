namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>{ list; }</c> or a <c>( list )</c> subshell, with any redirections after it.</summary>
internal sealed record GroupNode(int Line, ListNode Body, bool Subshell, IReadOnlyList<Redirection> Redirections) : ShellNode(Line);
