using KubeMcp.Server.Kubernetes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace KubeMcp.Server.Hosting;

/// <summary>Maps the server's HTTP surface: MCP Streamable HTTP and the health probe.</summary>
public static class KubeMcpEndpointRouteBuilderExtensions
{
    /// <summary>Maps MCP at <paramref name="pattern"/> (default <c>/mcp</c>) and <c>GET /healthz</c>.</summary>
    public static IEndpointRouteBuilder MapKubeMcp(this IEndpointRouteBuilder endpoints, string pattern = "/mcp")
    {
        endpoints.MapMcp(pattern);
        endpoints.MapGet("/healthz", (ClusterConnections connections, CancellationToken ct) => HealthEndpoint.HandleAsync(connections, ct));
        return endpoints;
    }
}
