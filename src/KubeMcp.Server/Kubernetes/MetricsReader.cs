using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Kubernetes;

/// <summary>Reads <c>metrics.k8s.io/v1beta1</c> (served by metrics-server), with a clear error when the cluster has none.</summary>
internal static class MetricsReader
{
    public static async Task<IReadOnlyList<JsonObject>> ReadAsync(KubeApi api, ApiResource resource, string? ns, string? name, string? labelSelector, CancellationToken ct)
    {
        try
        {
            if (name is not null)
            {
                return [await api.GetObjectAsync(resource, ns, name, ct)];
            }
            var list = await api.ListAsync(resource, ns, new ListQuery(labelSelector), asTable: false, ct);
            return (list["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        }
        catch (KubeApiException e) when (e.StatusCode == 404 && name is null || e.StatusCode == 503)
        {
            throw new ToolFailedException(
                "the metrics API (metrics.k8s.io/v1beta1) is not available on this cluster, so CPU and memory usage cannot be read; " +
                "install metrics-server, or use pods_list / nodes_stats_summary instead.", e);
        }
    }

    /// <summary>Sums the containers of a PodMetrics item (or reads a NodeMetrics usage).</summary>
    public static (decimal Cpu, decimal Memory) SumContainers(JsonObject item)
    {
        decimal cpu = 0, memory = 0;
        IEnumerable<JsonNode?> usages = item["containers"] is JsonArray containers
            ? containers.Select(c => c?["usage"])
            : [item["usage"]];
        foreach (var usage in usages)
        {
            cpu += Quantities.Parse(usage.Str("cpu")) ?? 0;
            memory += Quantities.Parse(usage.Str("memory")) ?? 0;
        }
        return (cpu, memory);
    }
}
