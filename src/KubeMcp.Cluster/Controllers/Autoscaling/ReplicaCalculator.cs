using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Autoscaling;

/// <summary>
/// The HPA's replica arithmetic for one metric: usage over the running pods compared with the target (utilization
/// as a percentage of requests, or an average value), left alone within the 10% tolerance, otherwise
/// <c>ceil(ratio × pods)</c>. Custom and external metrics have no API in the embedded cluster and fail as they do
/// on a cluster without one.
/// </summary>
internal static class ReplicaCalculator
{
    public const double Tolerance = 0.1;

    public static MetricProposal Evaluate(JsonObject metric, int currentReplicas, IReadOnlyList<JsonObject> pods, IPodMetricsSource source)
    {
        var type = metric.Str("type") ?? "";
        if (type != "Resource")
        {
            var name = metric.Str($"{Lower(type)}.metric.name") ?? metric.Str("containerResource.name") ?? "";
            var (reason, api) = type switch
            {
                "Pods" => ("FailedGetPodsMetric", "no custom metrics API (custom.metrics.k8s.io) registered"),
                "Object" => ("FailedGetObjectMetric", "no custom metrics API (custom.metrics.k8s.io) registered"),
                "External" => ("FailedGetExternalMetric", "no external metrics API (external.metrics.k8s.io) registered"),
                _ => ("FailedGetContainerResourceMetric", "container resource metrics are not available in the embedded cluster"),
            };
            return Failed(name, reason, $"unable to get metric {name}: {api}");
        }
        var resource = metric.Str("resource.name") ?? "";
        var target = metric.At("resource.target") as JsonObject ?? new JsonObject();
        var usages = pods.Select(p => (Pod: p, Usage: source.Usage(p))).Where(x => x.Usage is not null).ToList();
        if (usages.Count == 0)
        {
            return Failed(resource, "FailedGetResourceMetric",
                $"failed to get {resource} utilization: unable to get metrics for resource {resource}: no metrics returned from resource metrics API");
        }
        var total = usages.Sum(x => resource == "cpu" ? x.Usage!.Value.MilliCpu : x.Usage!.Value.MemoryBytes);
        var average = total / usages.Count;
        if (target.Str("type") == "AverageValue")
        {
            var wanted = resource == "cpu" ? Quantity.MillicoresOrZero(target.Str("averageValue")) : Quantity.BytesOrZero(target.Str("averageValue"));
            var ratio = wanted <= 0 ? 1 : (double)average / wanted;
            return new MetricProposal(Propose(ratio, currentReplicas, usages.Count), $"{resource} resource",
                Status(resource, new JsonObject { ["averageValue"] = Format(resource, average) }));
        }
        long requested = 0;
        foreach (var (pod, _) in usages)
        {
            foreach (var container in (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>())
            {
                var request = container.Str($"resources.requests.{resource}");
                if (string.IsNullOrEmpty(request))
                {
                    return Failed(resource, "FailedGetResourceMetric",
                        $"failed to get {resource} utilization: missing request for {resource} in container {container.Str("name")} of Pod {pod.Name()}");
                }
                requested += resource == "cpu" ? Quantity.MillicoresOrZero(request) : Quantity.BytesOrZero(request);
            }
        }
        var utilization = requested == 0 ? 0 : (int)(total * 100 / requested);
        var targetUtilization = target.Int("averageUtilization") ?? 80;
        var usageRatio = targetUtilization <= 0 ? 1 : (double)utilization / targetUtilization;
        return new MetricProposal(Propose(usageRatio, currentReplicas, usages.Count), $"{resource} resource utilization (percentage of request)",
            Status(resource, new JsonObject { ["averageUtilization"] = utilization, ["averageValue"] = Format(resource, average) }));
    }

    private static int Propose(double ratio, int currentReplicas, int podCount) =>
        Math.Abs(ratio - 1.0) <= Tolerance ? currentReplicas : (int)Math.Ceiling(ratio * podCount);

    private static MetricProposal Failed(string name, string reason, string error) =>
        new(null, name, new JsonObject { ["type"] = "" }, reason, error);

    private static JsonObject Status(string resource, JsonObject current) => new()
    {
        ["type"] = "Resource",
        ["resource"] = new JsonObject { ["name"] = resource, ["current"] = current },
    };

    private static string Format(string resource, long value) =>
        resource == "cpu" ? value.ToString(CultureInfo.InvariantCulture) + "m" : value.ToString(CultureInfo.InvariantCulture);

    private static string Lower(string type) => type.Length == 0 ? type : char.ToLowerInvariant(type[0]) + type[1..];
}
