using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Scheduling;

/// <summary>The scheduler's feasibility checks; each failing check returns kube-scheduler's reason text.</summary>
internal static class NodeFilters
{
    /// <param name="pod">The pod to place.</param>
    /// <param name="node">The candidate node.</param>
    /// <param name="podCount">How many active pods the node already runs.</param>
    /// <param name="used">The sum of those pods' requests.</param>
    public static string? Reject(JsonObject pod, JsonObject node, int podCount, (long MilliCpu, long Memory) used)
    {
        if (node.At("spec.unschedulable") is JsonValue u && u.TryGetValue<bool>(out var unschedulable) && unschedulable)
        {
            return "node(s) were unschedulable";
        }
        var ready = (node.At("status.conditions") as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == "Ready");
        if (ready?["status"]?.ToString() != "True")
        {
            return "node(s) had untolerated taint {node.kubernetes.io/not-ready: }";
        }
        foreach (var taint in (node.At("spec.taints") as JsonArray ?? []).OfType<JsonObject>())
        {
            var effect = taint["effect"]?.ToString();
            if (effect is "NoSchedule" or "NoExecute" && !Tolerates(pod, taint))
            {
                return $"node(s) had untolerated taint {{{taint["key"]}: {taint["value"]}}}";
            }
        }
        if (pod.At("spec.nodeSelector") is JsonObject selector)
        {
            var labels = node.Labels();
            if (selector.Any(kv => labels?[kv.Key]?.ToString() != kv.Value?.ToString()))
            {
                return "node(s) didn't match Pod's node affinity/selector";
            }
        }
        if (pod.At("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms") is JsonArray terms
            && terms.Count > 0 && !terms.OfType<JsonObject>().Any(t => MatchesTerm(t, node)))
        {
            return "node(s) didn't match Pod's node affinity/selector";
        }
        var allocatable = Allocatable(node);
        var wanted = Requests(pod);
        if (podCount + 1 > allocatable.Pods)
        {
            return "Too many pods";
        }
        if (wanted.MilliCpu > 0 && used.MilliCpu + wanted.MilliCpu > allocatable.MilliCpu)
        {
            return "Insufficient cpu";
        }
        if (wanted.Memory > 0 && used.Memory + wanted.Memory > allocatable.Memory)
        {
            return "Insufficient memory";
        }
        return null;
    }

    /// <summary>The pod's effective requests: the sum over containers, or the largest init container if larger.</summary>
    public static (long MilliCpu, long Memory) Requests(JsonObject pod)
    {
        (long, long) Of(JsonArray? containers) => (containers ?? []).OfType<JsonObject>().Aggregate((0L, 0L), (sum, c) =>
        {
            var requests = c.At("resources.requests") as JsonObject ?? c.At("resources.limits") as JsonObject;
            return (sum.Item1 + Quantity.MillicoresOrZero(requests?["cpu"]?.ToString()), sum.Item2 + Quantity.BytesOrZero(requests?["memory"]?.ToString()));
        });
        var main = Of(pod.At("spec.containers") as JsonArray);
        var init = (pod.At("spec.initContainers") as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => Of([c.DeepClone()])).DefaultIfEmpty((0L, 0L));
        return (Math.Max(main.Item1, init.Max(i => i.Item1)), Math.Max(main.Item2, init.Max(i => i.Item2)));
    }

    public static (long MilliCpu, long Memory, long Pods) Allocatable(JsonObject node)
    {
        var a = node.At("status.allocatable") as JsonObject;
        return (Quantity.MillicoresOrZero(a?["cpu"]?.ToString()), Quantity.BytesOrZero(a?["memory"]?.ToString()),
            long.TryParse(a?["pods"]?.ToString(), out var pods) ? pods : 110);
    }

    private static bool Tolerates(JsonObject pod, JsonObject taint) =>
        (pod.At("spec.tolerations") as JsonArray ?? []).OfType<JsonObject>().Any(t =>
        {
            var key = t["key"]?.ToString();
            var op = t["operator"]?.ToString() ?? "Equal";
            var effect = t["effect"]?.ToString();
            if (!string.IsNullOrEmpty(effect) && effect != taint["effect"]?.ToString())
            {
                return false;
            }
            if (string.IsNullOrEmpty(key))
            {
                return op == "Exists";
            }
            return key == taint["key"]?.ToString()
                   && (op == "Exists" || (t["value"]?.ToString() ?? "") == (taint["value"]?.ToString() ?? ""));
        });

    public static bool MatchesTerm(JsonObject term, JsonObject node)
    {
        var labels = node.Labels();
        foreach (var e in (term["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var value = labels?[e["key"]?.ToString() ?? ""]?.ToString();
            if (!MatchesExpression(e, value))
            {
                return false;
            }
        }
        foreach (var e in (term["matchFields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (!MatchesExpression(e, e["key"]?.ToString() == "metadata.name" ? node.Name() : null))
            {
                return false;
            }
        }
        return true;
    }

    private static bool MatchesExpression(JsonObject e, string? value)
    {
        var values = (e["values"] as JsonArray)?.Select(v => v?.ToString()).ToList() ?? [];
        return e["operator"]?.ToString() switch
        {
            "In" => value is not null && values.Contains(value),
            "NotIn" => value is null || !values.Contains(value),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            "Gt" => long.TryParse(value, out var a) && long.TryParse(values.FirstOrDefault(), out var b) && a > b,
            "Lt" => long.TryParse(value, out var c) && long.TryParse(values.FirstOrDefault(), out var d) && c < d,
            _ => false,
        };
    }
}
