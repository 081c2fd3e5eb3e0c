namespace KubeMcp.Cluster.Authentication;

/// <summary>An object a ServiceAccount token is bound to, as recorded in its <c>kubernetes.io</c> claim.</summary>
internal sealed record BoundObject(string Name, string Uid);
