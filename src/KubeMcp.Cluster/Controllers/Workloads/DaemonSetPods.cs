using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Scheduling;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// Which nodes a DaemonSet's pod belongs on (node name, nodeSelector, required node affinity, NoSchedule and
/// NoExecute taints against the pod's tolerations plus the ones every daemon pod gets), and the pod for one node:
/// pinned there with a <c>metadata.name</c> node affinity that the default scheduler binds, as upstream does.
/// </summary>
internal static class DaemonSetPods
{
    public const string GenerationLabel = "pod-template-generation";

    private static readonly (string Key, string Effect)[] DaemonTolerations =
    [
        ("node.kubernetes.io/not-ready", "NoExecute"),
        ("node.kubernetes.io/unreachable", "NoExecute"),
        ("node.kubernetes.io/disk-pressure", "NoSchedule"),
        ("node.kubernetes.io/memory-pressure", "NoSchedule"),
        ("node.kubernetes.io/pid-pressure", "NoSchedule"),
        ("node.kubernetes.io/unschedulable", "NoSchedule"),
    ];

    /// <summary>Whether a daemon pod should run on the node.</summary>
    public static bool ShouldRun(JsonObject daemonSet, JsonObject node)
    {
        var spec = daemonSet.At("spec.template.spec")?.DeepClone() as JsonObject ?? new JsonObject();
        AddDaemonTolerations(spec);
        if (spec.Str("nodeName") is { Length: > 0 } pinned && pinned != node.Name())
        {
            return false;
        }
        if (spec["nodeSelector"] is JsonObject selector && selector.Any(kv => node.Labels()?[kv.Key]?.ToString() != kv.Value?.ToString()))
        {
            return false;
        }
        if (spec.At("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms") is JsonArray { Count: > 0 } terms
            && !terms.OfType<JsonObject>().Any(t => NodeFilters.MatchesTerm(t, node)))
        {
            return false;
        }
        return !Tolerations.Untolerated(spec, node, "NoSchedule", "NoExecute").Any();
    }

    /// <summary>The node a daemon pod is for: where it is bound, or where its node affinity pins it.</summary>
    public static string? NodeOf(JsonObject pod)
    {
        if (pod.Str("spec.nodeName") is { Length: > 0 } bound)
        {
            return bound;
        }
        var terms = pod.At("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms") as JsonArray;
        return terms?.OfType<JsonObject>()
            .SelectMany(t => (t["matchFields"] as JsonArray ?? []).OfType<JsonObject>())
            .FirstOrDefault(f => f["key"]?.ToString() == "metadata.name" && f["operator"]?.ToString() == "In")?["values"]?[0]?.ToString();
    }

    public static JsonObject NewPod(JsonObject daemonSet, string hash, string nodeName)
    {
        var template = daemonSet.At("spec.template") as JsonObject ?? new JsonObject();
        var pod = PodTemplates.NewPod(daemonSet, template, extraLabels: new JsonObject
        {
            [ControllerRevisions.PodLabel] = hash,
            [GenerationLabel] = (daemonSet.Int("metadata.generation") ?? 1).ToString(CultureInfo.InvariantCulture),
        });
        var spec = pod.Ensure("spec");
        AddDaemonTolerations(spec);
        var nodeAffinity = spec.Ensure("affinity.nodeAffinity");
        nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonObject
        {
            ["nodeSelectorTerms"] = new JsonArray(new JsonObject
            {
                ["matchFields"] = new JsonArray(new JsonObject
                {
                    ["key"] = "metadata.name",
                    ["operator"] = "In",
                    ["values"] = new JsonArray(nodeName),
                }),
            }),
        };
        return pod;
    }

    /// <summary>Adds the tolerations the DaemonSet controller gives every daemon pod, where not already present.</summary>
    private static void AddDaemonTolerations(JsonObject spec)
    {
        var tolerations = spec["tolerations"] as JsonArray ?? [];
        spec["tolerations"] = tolerations;
        var needed = DaemonTolerations.ToList();
        if (spec["hostNetwork"] is JsonValue h && h.TryGetValue<bool>(out var hostNetwork) && hostNetwork)
        {
            needed.Add(("node.kubernetes.io/network-unavailable", "NoSchedule"));
        }
        foreach (var (key, effect) in needed)
        {
            if (!tolerations.OfType<JsonObject>().Any(t => t["key"]?.ToString() == key && t["effect"]?.ToString() == effect))
            {
                tolerations.Add(new JsonObject { ["key"] = key, ["operator"] = "Exists", ["effect"] = effect });
            }
        }
    }
}
