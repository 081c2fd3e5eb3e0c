namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>Text taken as is.</summary>
internal sealed record LiteralPart(string Text, bool Quoted) : WordPart(Quoted);
