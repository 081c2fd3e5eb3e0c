namespace KubeMcp.Cluster.Authentication;

/// <summary>What a token is bound to besides its ServiceAccount: a Pod (optionally on a Node), a Secret or a Node.</summary>
internal sealed record TokenBinding(BoundObject? Pod = null, BoundObject? Secret = null, BoundObject? Node = null);
