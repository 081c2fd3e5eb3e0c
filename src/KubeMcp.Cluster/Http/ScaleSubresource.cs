using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Cluster.Http;

/// <summary>The <c>autoscaling/v1 Scale</c> view of a scalable workload, as <c>kubectl scale</c> and HPAs use it.</summary>
internal static class ScaleSubresource
{
    public static JsonObject ToScale(JsonObject workload)
    {
        var meta = workload["metadata"]!.AsObject();
        var selector = workload["spec"]?["selector"];
        var selectorText = selector switch
        {
            JsonObject o when o["matchLabels"] is not null || o["matchExpressions"] is not null => LabelSelector.FromObject(o).ToString(),
            JsonObject o => LabelSelector.FromObject(new JsonObject { ["matchLabels"] = o.DeepClone() }).ToString(),
            _ => "",
        };
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = meta["name"]?.DeepClone(),
                ["namespace"] = meta["namespace"]?.DeepClone(),
                ["uid"] = meta["uid"]?.DeepClone(),
                ["resourceVersion"] = meta["resourceVersion"]?.DeepClone(),
                ["creationTimestamp"] = meta["creationTimestamp"]?.DeepClone(),
            },
            ["spec"] = new JsonObject { ["replicas"] = workload.Int("spec.replicas") ?? 1 },
            ["status"] = new JsonObject
            {
                ["replicas"] = workload.Int("status.replicas") ?? 0,
                ["selector"] = selectorText,
            },
        };
    }

    /// <summary>Reads the desired replicas from a Scale object, rejecting the values the API server rejects.</summary>
    public static long DesiredReplicas(JsonObject scale, string name)
    {
        if (JsonObjectExtensions.AsLong(scale.At("spec.replicas")) is not long n)
        {
            throw ApiException.BadRequest("Scale.spec.replicas must be an integer");
        }
        if (n < 0)
        {
            throw ApiException.Invalid("Scale", name, [new FieldError("FieldValueInvalid", "spec.replicas", $"Invalid value: {n}: must be greater than or equal to 0")], "autoscaling");
        }
        return n;
    }
}
