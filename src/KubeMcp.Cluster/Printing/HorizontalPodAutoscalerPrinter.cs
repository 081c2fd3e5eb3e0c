using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// <c>kubectl get hpa</c>: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE. TARGETS pairs each metric's current
/// value with its target (<c>cpu: 45%/80%</c>), showing at most two. Reads autoscaling/v2 objects and the v1 shape
/// (<c>targetCPUUtilizationPercentage</c>) alike.
/// </summary>
internal static class HorizontalPodAutoscalerPrinter
{
    private const string Unknown = "<unknown>";
    private const int MaxMetrics = 2;

    public static ResourcePrinter Create() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Reference", "The scaled object, as kind/name."),
            TableColumn.Str("Targets", "Current and target values of the metrics."),
            TableColumn.Str("MinPods", "Lower limit of replicas."),
            TableColumn.Str("MaxPods", "Upper limit of replicas."),
            TableColumn.Str("Replicas", "Current number of replicas."),
            TableColumn.Age,
        ],
        (hpa, now) =>
        [
            hpa.Text("metadata", "name"),
            $"{hpa.Text("spec", "scaleTargetRef", "kind")}/{hpa.Text("spec", "scaleTargetRef", "name")}",
            Targets(hpa),
            hpa.Long("spec", "minReplicas")?.ToString(CultureInfo.InvariantCulture) ?? "<unset>",
            hpa.Long("spec", "maxReplicas") ?? 0,
            hpa.Long("status", "currentReplicas") ?? 0,
            Timestamps.Age(hpa, now),
        ]);

    private static string Targets(JsonObject hpa)
    {
        var (specs, statuses) = Metrics(hpa);
        if (specs.Count == 0)
        {
            return LabelText.None;
        }
        var list = new List<string>();
        for (var i = 0; i < specs.Count; i++)
        {
            // Upstream pairs spec and status by position.
            list.Add(Format(specs[i], i < statuses.Count ? statuses[i] : null));
        }
        var text = string.Join(", ", list.Take(MaxMetrics));
        return list.Count > MaxMetrics ? $"{text} + {list.Count - MaxMetrics} more..." : text;
    }

    private static (IReadOnlyList<JsonObject> Specs, IReadOnlyList<JsonObject> Statuses) Metrics(JsonObject hpa)
    {
        if (hpa.At("spec", "metrics") is JsonArray)
        {
            return (hpa.Objects("spec", "metrics"), hpa.Objects("status", "currentMetrics"));
        }
        // autoscaling/v1 keeps a single CPU utilization target; convert it the way the API server does.
        if (hpa.Long("spec", "targetCPUUtilizationPercentage") is not { } target)
        {
            return ([], []);
        }
        var spec = CpuMetric("target", "Utilization", target);
        var current = hpa.Long("status", "currentCPUUtilizationPercentage");
        return ([spec], current is { } c ? [CpuMetric("current", null, c)] : []);
    }

    private static JsonObject CpuMetric(string field, string? type, long utilization)
    {
        var value = new JsonObject { ["averageUtilization"] = utilization };
        if (type is not null)
        {
            value["type"] = type;
        }
        return new JsonObject
        {
            ["type"] = "Resource",
            ["resource"] = new JsonObject { ["name"] = "cpu", [field] = value },
        };
    }

    private static string Format(JsonObject spec, JsonObject? status)
    {
        switch (spec.Text("type"))
        {
            case "External":
                return ValueTarget(spec.Obj("external", "target"), status?.Obj("external"));
            case "Object":
                return ValueTarget(spec.Obj("object", "target"), status?.Obj("object"));
            case "Pods":
                var podsCurrent = status?.Obj("pods") is { } pods ? Quantity(pods.At("current", "averageValue")) : Unknown;
                return $"{podsCurrent}/{Quantity(spec.At("pods", "target", "averageValue"))}";
            case "Resource":
                return ResourceTarget(spec.Obj("resource"), status?.Obj("resource"));
            case "ContainerResource":
                return ResourceTarget(spec.Obj("containerResource"), status?.Obj("containerResource"));
            default:
                return "<unknown type>";
        }
    }

    /// <summary>External and Object metrics: an average value marked "(avg)", else a plain value.</summary>
    private static string ValueTarget(JsonObject? target, JsonObject? status)
    {
        if (target.At("averageValue") is not null)
        {
            var average = status.At("current", "averageValue") is { } v ? Quantity(v) : Unknown;
            return $"{average}/{Quantity(target.At("averageValue"))} (avg)";
        }
        var current = status is null ? Unknown : Quantity(status.At("current", "value"));
        return $"{current}/{Quantity(target.At("value"))}";
    }

    private static string ResourceTarget(JsonObject? spec, JsonObject? status)
    {
        var name = spec.Text("name");
        if (spec.At("target", "averageValue") is { } averageValue)
        {
            var current = status is null ? Unknown : Quantity(status.At("current", "averageValue"));
            return $"{name}: {current}/{Quantity(averageValue)}";
        }
        var currentUtilization = status.Long("current", "averageUtilization") is { } cu ? Percent(cu) : Unknown;
        var targetUtilization = spec.Long("target", "averageUtilization") is { } tu ? Percent(tu) : "<auto>";
        return $"{name}: {currentUtilization}/{targetUtilization}";
    }

    private static string Percent(long value) => value.ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>A quantity as stored; a missing one prints as Go prints a nil quantity.</summary>
    private static string Quantity(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => JsonRead.AsString(v),
        JsonValue v when JsonRead.AsLong(v) is { } n => n.ToString(CultureInfo.InvariantCulture),
        _ => "<nil>",
    };
}
