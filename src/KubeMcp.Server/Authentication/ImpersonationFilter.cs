using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Server.Authentication;

/// <summary>
/// With <see cref="ClusterIdentityMode.Impersonate"/>, runs each tool call as its authenticated caller; a call
/// without an authenticated caller is refused rather than silently run with the server's permissions.
/// </summary>
internal static class ImpersonationFilter
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Create() => next => async (request, ct) =>
    {
        var caller = CallerIdentity.From(request.User);
        if (!caller.IsAuthenticated)
        {
            return new CallToolResult
            {
                IsError = true,
                Content = [new TextContentBlock { Text = "refused: the server acts on the cluster as its callers (impersonation), and this call has no authenticated caller." }],
            };
        }
        using (ImpersonationScope.Enter(caller))
        {
            return await next(request, ct);
        }
    };
}
