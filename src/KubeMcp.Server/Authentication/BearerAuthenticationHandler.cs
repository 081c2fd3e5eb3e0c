using System.Text.Encodings.Web;
using KubeMcp.Server.Telemetry;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KubeMcp.Server.Authentication;

/// <summary>
/// <c>Authorization: Bearer TOKEN</c> checked by an <see cref="ITokenAuthenticator"/>. A missing, malformed or
/// unknown token gets a bare 401 with <c>WWW-Authenticate: Bearer</c>: no hint which part was wrong.
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    ITokenAuthenticator authenticator, ServerTelemetry telemetry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    private const int MaxTokenLength = 8192;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length > MaxTokenLength)
        {
            return AuthenticateResult.Fail("malformed Authorization header");
        }
        var token = header["Bearer ".Length..].Trim();
        if (token.Length == 0)
        {
            return AuthenticateResult.Fail("empty token");
        }
        var identity = await authenticator.AuthenticateAsync(token, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("unknown token");
        }
        var principal = CallerIdentity.ToPrincipal(identity.Name, identity.Groups, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        telemetry.RecordAuthFailure();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"kubemcp\"";
        return Task.CompletedTask;
    }
}
