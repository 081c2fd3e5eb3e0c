namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>$(…)</c> or a backquoted command: replaced by the command's output without trailing newlines.</summary>
internal sealed record CommandSubstitutionPart(ListNode Script, bool Quoted) : WordPart(Quoted);
