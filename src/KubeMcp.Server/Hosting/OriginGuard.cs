using Microsoft.AspNetCore.Http;

namespace KubeMcp.Server.Hosting;

/// <summary>
/// DNS-rebinding protection required by the MCP transport spec: a web page must not reach a local server through a
/// name that resolves to 127.0.0.1. Requests whose <c>Origin</c> (any bind) or <c>Host</c> (loopback bind) is not
/// localhost or explicitly allowed get 403 before they reach MCP.
/// </summary>
internal sealed class OriginGuard(IEnumerable<string> allowed, bool checkHost)
{
    private readonly HashSet<string> _allowed = new(allowed.Select(Normalize), StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsAllowedOrigin(origin))
        {
            await RefuseAsync(context, "Origin");
            return;
        }
        if (checkHost && !IsAllowedHost(context.Request.Host.Host))
        {
            await RefuseAsync(context, "Host");
            return;
        }
        await next(context);
    }

    public static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host is "127.0.0.1" or "[::1]" or "::1";

    private bool IsAllowedOrigin(string origin) =>
        _allowed.Contains(Normalize(origin)) ||
        (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (IsLocal(uri.Host) || _allowed.Contains(uri.Host)));

    private bool IsAllowedHost(string host) => host.Length == 0 || IsLocal(host) || _allowed.Contains(host);

    private static string Normalize(string value) => value.Trim().TrimEnd('/');

    private static Task RefuseAsync(HttpContext context, string header)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync($"Forbidden: this {header} is not allowed to use the server (DNS-rebinding protection); the operator can allow it with --allow-origin.\n");
    }
}
