using System.Globalization;
using System.Threading.RateLimiting;
using KubeMcp.Server.Telemetry;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KubeMcp.Server.Hosting;

/// <summary>
/// ASP.NET Core rate limiting for the MCP endpoint: a token bucket per session (the <c>Mcp-Session-Id</c> header;
/// before a session exists, the authenticated user or the remote address) chained with one global bucket. A
/// rejected request gets 429, <c>Retry-After</c> in seconds and a JSON-RPC error body a client can show.
/// </summary>
internal static class McpRateLimiting
{
    public static void Add(IServiceCollection services, RateLimitOptions limits, string mcpPath)
    {
        services.AddRateLimiter(o =>
        {
            var perSession = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                limits.PerSessionPerMinute <= 0 || !IsMcp(context, mcpPath)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter("session:" + SessionKey(context), _ => Bucket(limits.PerSessionPerMinute)));
            var global = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                limits.GlobalPerMinute <= 0 || !IsMcp(context, mcpPath)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter("global", _ => Bucket(limits.GlobalPerMinute)));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perSession, global);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                rejected.HttpContext.RequestServices.GetService<ServerTelemetry>()?.RecordRateLimited("mcp");
                response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                response.ContentType = "application/json";
                await response.WriteAsync(
                    "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32000,\"message\":\"Too many requests: the server's rate limit was reached; retry after " +
                    seconds.ToString(CultureInfo.InvariantCulture) + " s.\"}}", ct);
            };
        });
    }

    private static bool IsMcp(HttpContext context, string mcpPath) =>
        context.Request.Path.StartsWithSegments(mcpPath, StringComparison.OrdinalIgnoreCase);

    private static string SessionKey(HttpContext context)
    {
        var session = context.Request.Headers["Mcp-Session-Id"].ToString();
        if (session.Length is > 0 and <= 200)
        {
            return "id:" + session;
        }
        if (context.User.Identity is { IsAuthenticated: true, Name: { } user })
        {
            return "user:" + user;
        }
        return "addr:" + (context.Connection.RemoteIpAddress?.ToString() ?? "?");
    }

    /// <summary>A bucket holding a minute's worth of requests, refilled evenly (every second, or slower for small limits).</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
