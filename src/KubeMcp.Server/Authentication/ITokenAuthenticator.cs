namespace KubeMcp.Server.Authentication;

/// <summary>Checks a bearer token and says whose it is.</summary>
internal interface ITokenAuthenticator
{
    /// <summary>The token's owner, or null when the token is not valid.</summary>
    Task<CallerIdentity?> AuthenticateAsync(string token, CancellationToken ct);
}
