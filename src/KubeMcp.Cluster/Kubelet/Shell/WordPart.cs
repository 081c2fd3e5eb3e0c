namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>A piece of a shell word. Quoted pieces are exempt from field splitting and globbing.</summary>
internal abstract record WordPart(bool Quoted);
