using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Security;

/// <summary>
/// Authentication, impersonation and RBAC authorization for every request, in the order the API server applies
/// them. The admin token belongs to system:masters; ServiceAccount tokens and impersonated users are held to RBAC.
/// </summary>
internal sealed class RequestSecurity(TokenAuthenticator authenticator, RbacAuthorizer authorizer, TimeProvider clock)
{
    private const string UserKey = "kubemcp.user";

    public TokenAuthenticator Authenticator => authenticator;

    public RbacAuthorizer Authorizer => authorizer;

    /// <summary>The user a request was authenticated (and possibly impersonated) as.</summary>
    public static UserInfo UserOf(HttpContext context) =>
        context.Items.TryGetValue(UserKey, out var user) && user is UserInfo u ? u : UserInfo.Anonymous;

    /// <summary>Authenticates and authorizes the request; throws 401/403 as the API server would.</summary>
    public void Check(HttpContext context)
    {
        var request = context.Request;
        var result = authenticator.AuthenticateRequest(request.Headers.Authorization.ToString(), clock.GetUtcNow());
        var user = result.User ?? throw new ApiException(401, "Unauthorized", "Unauthorized");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
        if (Impersonation.IsRequested(headers))
        {
            user = Impersonation.Resolve(user, headers, authorizer.Authorize);
        }
        context.Items[UserKey] = user;
        var attributes = RequestInfoParser.Parse(request.Method, request.Path.Value ?? "/", request.QueryString.Value?.TrimStart('?'), user);
        var decision = authorizer.Authorize(attributes);
        if (!decision.Allowed)
        {
            throw RbacAuthorizer.Forbidden(attributes, decision.Reason);
        }
    }
}
