namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary><c>$((expression))</c>: integer arithmetic over variables.</summary>
internal sealed record ArithmeticPart(string Expression, bool Quoted) : WordPart(Quoted);
