using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>
/// Pod metrics derived from the spec: each running container uses what the annotation
/// <c>sim.kubemcp.io/&lt;container&gt;.cpu-usage</c> or <c>sim.kubemcp.io/cpu-usage</c> says (likewise
/// <c>memory-usage</c>; quantities such as <c>250m</c> or <c>300Mi</c>), and otherwise 30% of its request.
/// </summary>
internal sealed class RequestBasedPodMetrics : IPodMetricsSource
{
    private const string Prefix = "sim.kubemcp.io/";
    private const double DefaultShareOfRequest = 0.3;

    public PodUsage? Usage(JsonObject pod)
    {
        if (pod.Str("status.phase") != "Running")
        {
            return null;
        }
        var annotations = pod.Annotations();
        long cpu = 0, memory = 0;
        foreach (var container in (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = container.Str("name") ?? "";
            cpu += Setting(annotations, name, "cpu-usage") is { } cpuText
                ? Quantity.MillicoresOrZero(cpuText)
                : (long)(Quantity.MillicoresOrZero(container.Str("resources.requests.cpu")) * DefaultShareOfRequest);
            memory += Setting(annotations, name, "memory-usage") is { } memoryText
                ? Quantity.BytesOrZero(memoryText)
                : (long)(Quantity.BytesOrZero(container.Str("resources.requests.memory")) * DefaultShareOfRequest);
        }
        return new PodUsage(cpu, memory);
    }

    /// <summary>The container-scoped annotation first, then the pod-wide one (as the simulated kubelet reads them).</summary>
    private static string? Setting(JsonObject? annotations, string container, string setting) =>
        annotations?[$"{Prefix}{container}.{setting}"]?.ToString() ?? annotations?[Prefix + setting]?.ToString();
}
