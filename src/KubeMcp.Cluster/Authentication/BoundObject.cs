namespace KubeMcp.Cluster.Authentication;

/// <summary>An object a ServiceAccount token is bound to, as recorded in its <c>kubernetes.io</c> claim.</summary>
internal sealed record BoundObject(string Name, string Uid);

/// <summary>What a token is bound to besides its ServiceAccount: a Pod (optionally on a Node), a Secret or a Node.</summary>
internal sealed record TokenBinding(BoundObject? Pod = null, BoundObject? Secret = null, BoundObject? Node = null);
