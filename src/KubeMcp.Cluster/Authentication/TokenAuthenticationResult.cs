namespace KubeMcp.Cluster.Authentication;

/// <summary>The outcome of authenticating one bearer token.</summary>
/// <param name="User">The authenticated user; null when the token was not accepted.</param>
/// <param name="Audiences">The audiences the token is valid for among those requested.</param>
/// <param name="Error">Why a recognised token was rejected (expired, bad signature...); null when there is nothing to say.</param>
internal sealed record TokenAuthenticationResult(UserInfo? User, IReadOnlyList<string> Audiences, string? Error)
{
    public static TokenAuthenticationResult Rejected(string? error = null) => new(null, [], error);

    public bool Authenticated => User is not null;
}
