using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// <c>metrics.k8s.io/v1beta1</c> NodeMetrics: for each simulated node, the sum of its running containers plus what
/// the node's own system uses (see <see cref="NodeOverhead"/>).
/// </summary>
internal sealed class NodeMetricsSource(SimulatedKubelets kubelets) : IComputedResource
{
    public string StorageKey => "nodes.metrics.k8s.io";

    public IReadOnlyList<JsonObject> List(ResourceType type, string? ns)
    {
        var now = kubelets.Clock.GetUtcNow();
        var items = new List<JsonObject>();
        foreach (var node in kubelets.Registry.Store.List(kubelets.Nodes.StorageKey, null).Items)
        {
            if (node.Annotations()?[SimulatedKubelets.SimulatedAnnotation]?.ToString() != "true")
            {
                continue;
            }
            var (cpu, memory) = Usage(node, now);
            items.Add(new JsonObject
            {
                ["kind"] = "NodeMetrics",
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = PodMetricsSource.Metadata(node, now),
                ["timestamp"] = PodMetricsSource.ScrapeTime(now).Timestamp(),
                ["window"] = PodMetricsSource.Window(node.Name(), now),
                ["usage"] = PodMetricsSource.Usage(cpu, memory),
            });
        }
        return items;
    }

    /// <summary>The node's CPU (nanocores) and working set (bytes): its pods plus its system overhead.</summary>
    public (long NanoCores, long Bytes) Usage(JsonObject node, DateTimeOffset now)
    {
        var overhead = NodeOverhead.For(node, now);
        long cpu = overhead.NanoCores, memory = overhead.Bytes;
        foreach (var runtime in kubelets.Kubelet.RuntimesOn(node.Name()))
        {
            foreach (var name in runtime.ContainerNames)
            {
                if (runtime.Current(name) is { } instance && ContainerUsage.IsRunning(instance, now))
                {
                    var usage = ContainerUsage.Measure(instance, now);
                    cpu += usage.NanoCores;
                    memory += usage.WorkingSetBytes;
                }
            }
        }
        return (cpu, memory);
    }
}
