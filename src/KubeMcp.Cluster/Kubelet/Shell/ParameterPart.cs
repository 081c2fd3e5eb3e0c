namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// A parameter expansion: <c>$NAME</c>, <c>${NAME}</c>, <c>${NAME:-word}</c>, <c>${#NAME}</c>,
/// <c>${NAME%pattern}</c> and the like. <see cref="Operator"/> is null for a plain expansion.
/// </summary>
internal sealed record ParameterPart(string Name, string? Operator, Word? Argument, bool Quoted) : WordPart(Quoted);
