namespace KubeMcp.Server.Authentication;

/// <summary>Authentication of the HTTP transport.</summary>
public sealed class CallerAuthenticationOptions
{
    /// <summary>The method. Default: <see cref="AuthenticationMode.None"/>.</summary>
    public AuthenticationMode Mode { get; set; } = AuthenticationMode.None;

    /// <summary>
    /// For <see cref="AuthenticationMode.StaticTokens"/>: a CSV file in the Kubernetes static token format,
    /// <c>token,user,uid,"group1,group2"</c> (uid and groups optional; <c>#</c> starts a comment).
    /// </summary>
    public string? TokensFile { get; set; }

    /// <summary>How long a TokenReview answer is reused for the same token. Default: 30 s.</summary>
    public TimeSpan TokenReviewCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
