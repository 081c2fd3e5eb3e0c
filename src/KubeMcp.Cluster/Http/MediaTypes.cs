using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>Content negotiation the way client-go does it (comma-separated media types with parameters).</summary>
internal static class MediaTypes
{
    public const string Table = "application/json;as=Table;v=v1;g=meta.k8s.io";

    public static bool WantsTable(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=Table", StringComparison.Ordinal);

    public static bool WantsAggregatedDiscovery(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("as=APIGroupDiscoveryList", StringComparison.Ordinal);
}
