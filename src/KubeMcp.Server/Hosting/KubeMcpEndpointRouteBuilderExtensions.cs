using KubeMcp.Server.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;

namespace KubeMcp.Server.Hosting;

/// <summary>Maps the server's HTTP surface: MCP Streamable HTTP, the health probe and the metrics page.</summary>
public static class KubeMcpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps MCP at <paramref name="pattern"/> (default <c>/mcp</c>), <c>GET /healthz</c> and, when
    /// <paramref name="prometheus"/>, <c>GET /metrics</c>. With <paramref name="requireAuthorization"/>, MCP and
    /// the metrics need an authenticated caller; the health probe never does.
    /// </summary>
    public static IEndpointRouteBuilder MapKubeMcp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp",
        bool requireAuthorization = false, bool prometheus = false)
    {
        var mcp = endpoints.MapMcp(pattern);
        if (requireAuthorization)
        {
            mcp.RequireAuthorization();
        }
        endpoints.MapGet("/healthz", async context =>
        {
            var result = await HealthEndpoint.HandleAsync(context.RequestServices.GetRequiredService<ClusterConnections>(), context.RequestAborted);
            await result.ExecuteAsync(context);
        });
        if (prometheus)
        {
            var metrics = endpoints.MapPrometheusScrapingEndpoint("/metrics");
            if (requireAuthorization)
            {
                metrics.RequireAuthorization();
            }
        }
        return endpoints;
    }
}
