namespace KubeMcp.Server.Authentication;

/// <summary>How HTTP callers prove who they are.</summary>
public enum AuthenticationMode
{
    /// <summary>No authentication: rely on binding to loopback.</summary>
    None,

    /// <summary>Bearer tokens listed in a file (<c>--auth-tokens FILE</c>).</summary>
    StaticTokens,

    /// <summary>Bearer tokens checked by the cluster with a TokenReview (<c>--auth tokenreview</c>).</summary>
    TokenReview,
}
