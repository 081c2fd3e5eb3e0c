using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>Helpers the workload controllers share: pod readiness, template hashing, pods from templates.</summary>
internal static class PodTemplates
{
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static bool IsActive(JsonObject pod) =>
        pod["metadata"]?["deletionTimestamp"] is null && pod.Str("status.phase") is not ("Succeeded" or "Failed");

    public static bool IsReady(JsonObject pod) =>
        (pod.At("status.conditions") as JsonArray)?.OfType<JsonObject>()
            .Any(c => c["type"]?.ToString() == "Ready" && c["status"]?.ToString() == "True") == true;

    /// <summary>The <c>pod-template-hash</c> label value: FNV-1a of the template, encoded with Kubernetes' safe alphabet.</summary>
    public static string Hash(JsonNode? template, long collisionCount = 0)
    {
        uint h = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(template?.ToJsonString() ?? "{}").Concat(BitConverter.GetBytes(collisionCount)))
        {
            h = (h ^ b) * 16777619;
        }
        var digits = h.ToString(CultureInfo.InvariantCulture);
        return new string(digits.Select(c => SafeAlphabet[c % SafeAlphabet.Length]).ToArray());
    }

    /// <summary>A new pod for a controller, from its template, owned by it.</summary>
    public static JsonObject NewPod(JsonObject owner, JsonObject template, string? name = null, JsonObject? extraLabels = null)
    {
        var meta = template["metadata"]?.DeepClone() as JsonObject ?? new JsonObject();
        var labels = meta["labels"]?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var (k, v) in extraLabels ?? [])
        {
            labels[k] = v?.DeepClone();
        }
        var podMeta = new JsonObject
        {
            ["namespace"] = owner.Namespace(),
            ["labels"] = labels,
            ["ownerReferences"] = new JsonArray(ControllerRefs.For(owner)),
        };
        if (name is null)
        {
            podMeta["generateName"] = owner.Name() + "-";
        }
        else
        {
            podMeta["name"] = name;
        }
        if (meta["annotations"] is JsonObject annotations)
        {
            podMeta["annotations"] = annotations.DeepClone();
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = podMeta,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>Resolves an int-or-percent (maxSurge, maxUnavailable) against a total.</summary>
    public static int Resolve(JsonNode? value, int total, bool roundUp, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }
        var text = value.ToString();
        if (text.EndsWith('%') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            var exact = percent * total / 100.0;
            return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
    }

    public static JsonObject Condition(string type, string status, string reason, string message, string now, JsonArray? previous)
    {
        var old = previous?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
        var transition = old is not null && old["status"]?.ToString() == status ? old["lastTransitionTime"]?.ToString() ?? now : now;
        var updated = old is not null && old["status"]?.ToString() == status && old["reason"]?.ToString() == reason
            ? old["lastUpdateTime"]?.ToString() ?? now
            : now;
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status,
            ["lastUpdateTime"] = updated,
            ["lastTransitionTime"] = transition,
            ["reason"] = reason,
            ["message"] = message,
        };
    }
}
