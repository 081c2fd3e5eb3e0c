using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// <c>metrics.k8s.io/v1beta1</c> PodMetrics, as metrics-server serves them: the usage of each running container of
/// pods on simulated nodes. Pods with no running container (waiting, crashed, completed) have no metrics.
/// </summary>
internal sealed class PodMetricsSource(SimulatedKubelets kubelets) : IComputedResource
{
    public string StorageKey => "pods.metrics.k8s.io";

    public IReadOnlyList<JsonObject> List(ResourceType type, string? ns)
    {
        var now = kubelets.Clock.GetUtcNow();
        var items = new List<JsonObject>();
        foreach (var pod in kubelets.Registry.Store.List(kubelets.Pods.StorageKey, ns).Items)
        {
            if (kubelets.Kubelet.Runtime(pod.Uid()) is not { } runtime)
            {
                continue;
            }
            var containers = new JsonArray();
            foreach (var spec in (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>())
            {
                var name = spec["name"]?.ToString() ?? "";
                if (runtime.Current(name) is { } instance && ContainerUsage.IsRunning(instance, now))
                {
                    var usage = ContainerUsage.Measure(instance, now);
                    containers.Add(new JsonObject
                    {
                        ["name"] = name,
                        ["usage"] = Usage(usage.NanoCores, usage.WorkingSetBytes),
                    });
                }
            }
            if (containers.Count == 0)
            {
                continue;
            }
            items.Add(new JsonObject
            {
                ["kind"] = "PodMetrics",
                ["apiVersion"] = type.ApiVersion,
                ["metadata"] = Metadata(pod, now),
                ["timestamp"] = ScrapeTime(now).Timestamp(),
                ["window"] = Window(pod.Uid(), now),
                ["containers"] = containers,
            });
        }
        return items;
    }

    /// <summary>A metrics object's metadata: the object's name (and namespace) and labels, created now.</summary>
    public static JsonObject Metadata(JsonObject source, DateTimeOffset now)
    {
        var metadata = new JsonObject { ["name"] = source.Name() };
        if (source.Namespace() is { Length: > 0 } ns)
        {
            metadata["namespace"] = ns;
        }
        metadata["creationTimestamp"] = now.Timestamp();
        if (source.Labels() is { Count: > 0 } labels)
        {
            metadata["labels"] = labels.DeepClone();
        }
        return metadata;
    }

    public static JsonObject Usage(long nanoCores, long bytes) => new()
    {
        ["cpu"] = ContainerUsage.CpuQuantity(nanoCores),
        ["memory"] = ContainerUsage.MemoryQuantity(bytes),
    };

    /// <summary>When metrics-server last scraped (every 15 seconds).</summary>
    public static DateTimeOffset ScrapeTime(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 15 * 15);

    /// <summary>The interval the CPU rate was measured over, near the 15 second resolution, e.g. <c>15.127s</c>.</summary>
    public static string Window(string key, DateTimeOffset now)
    {
        var wobble = ContainerUsage.Wobble(ContainerUsage.Seed(key), now.ToUnixTimeSeconds() / 15);
        var seconds = 15 + Math.Round(Math.Abs(wobble) * 0.9, 3);
        return seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
