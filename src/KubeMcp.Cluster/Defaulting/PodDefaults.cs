using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>
/// Defaults for a standalone Pod: the pod-spec defaults, <c>SetDefaults_Pod</c> (service links, requests from
/// limits) and what the default admission plugins add (service account, priority, not-ready/unreachable
/// tolerations), plus the initial status (phase Pending, QoS class) the pod strategy sets on create.
/// The service account token volume the ServiceAccount admission plugin mounts is not added.
/// </summary>
internal static class PodDefaults
{
    private static readonly string[] TolerationKeys = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

    public static void Apply(JsonObject pod)
    {
        var spec = Json.Object(pod, "spec");
        if (spec is null)
        {
            return;
        }
        foreach (var container in JsonRead.Objects(spec, "containers").Concat(JsonRead.Objects(spec, "initContainers")))
        {
            RequestsFromLimits(container);
        }
        PodSpecDefaults.Apply(spec);
        Json.Default(spec, "enableServiceLinks", true);
        Json.DefaultString(spec, "serviceAccountName", JsonRead.Str(spec, "serviceAccount") is { Length: > 0 } legacy ? legacy : "default");
        Json.DefaultString(spec, "serviceAccount", JsonRead.Str(spec, "serviceAccountName")!);
        if (!Json.IsSet(spec, "priority") && !Json.IsSet(spec, "priorityClassName"))
        {
            spec["priority"] = 0;
        }
        Json.DefaultString(spec, "preemptionPolicy", "PreemptLowerPriority");
        DefaultTolerations(spec);

        var status = Json.Object(pod, "status", create: true);
        Json.DefaultString(status, "phase", "Pending");
        Json.DefaultString(status, "qosClass", QosClass(spec));
    }

    /// <summary>Guaranteed when every container's cpu and memory requests equal their limits, BestEffort when no
    /// container asks for either, Burstable otherwise.</summary>
    public static string QosClass(JsonObject spec)
    {
        var containers = JsonRead.Objects(spec, "containers").Concat(JsonRead.Objects(spec, "initContainers")).ToList();
        var any = false;
        var guaranteed = containers.Count > 0;
        foreach (var container in containers)
        {
            var resources = Json.Object(container, "resources");
            var requests = Json.Object(resources, "requests");
            var limits = Json.Object(resources, "limits");
            foreach (var name in (string[])["cpu", "memory"])
            {
                var request = QuantityOf(requests?[name]);
                var limit = QuantityOf(limits?[name]);
                any |= (request ?? 0) != 0 || (limit ?? 0) != 0;
                guaranteed &= request is not null && limit is not null && request == limit && limit != 0;
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    private static decimal? QuantityOf(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String && Quantity.TryParse(v.GetValue<string>(), out var q) => q,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
        _ => null,
    };

    private static void RequestsFromLimits(JsonObject container)
    {
        var resources = Json.Object(container, "resources");
        var limits = Json.Object(resources, "limits");
        if (limits is null || limits.Count == 0)
        {
            return;
        }
        var requests = Json.Object(resources, "requests", create: true);
        if (requests is null)
        {
            return;
        }
        foreach (var (name, limit) in limits)
        {
            if (!requests.ContainsKey(name) && limit is not null)
            {
                requests[name] = limit.DeepClone();
            }
        }
    }

    private static void DefaultTolerations(JsonObject spec)
    {
        if (spec["tolerations"] is not (null or JsonArray))
        {
            return;
        }
        if (spec["tolerations"] is not JsonArray tolerations)
        {
            tolerations = [];
            spec["tolerations"] = tolerations;
        }
        foreach (var key in TolerationKeys)
        {
            var tolerated = tolerations.OfType<JsonObject>().Any(t =>
                (JsonRead.Str(t, "key") ?? "") is var k && (k == key || k.Length == 0) &&
                (JsonRead.Str(t, "effect") ?? "") is var e && (e == "NoExecute" || e.Length == 0));
            if (!tolerated)
            {
                tolerations.Add(new JsonObject
                {
                    ["key"] = key,
                    ["operator"] = "Exists",
                    ["effect"] = "NoExecute",
                    ["tolerationSeconds"] = 300,
                });
            }
        }
    }
}
