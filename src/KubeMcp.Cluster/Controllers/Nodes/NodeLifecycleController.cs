using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Nodes;

/// <summary>
/// What the node lifecycle and taint-eviction controllers do for a node whose Ready condition is False or Unknown:
/// taint it <c>node.kubernetes.io/not-ready</c> or <c>node.kubernetes.io/unreachable</c> (NoSchedule and NoExecute),
/// then evict each pod there once its toleration of the NoExecute taint runs out on the simulation clock (300 s by
/// default, the DefaultTolerationSeconds admission's value), or at once if it does not tolerate it. Their
/// controllers then create replacements, which the scheduler places on Ready nodes.
/// </summary>
internal sealed class NodeLifecycleController : Controller
{
    private const string Component = "node-controller";
    private const string EvictionComponent = "taint-eviction-controller";
    private const string NotReady = "node.kubernetes.io/not-ready";
    private const string Unreachable = "node.kubernetes.io/unreachable";

    private readonly HashSet<string> _noExecute = new(StringComparer.Ordinal);

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("nodes"),
        // A pod bound to a node with NoExecute taints must be checked against them.
        new("pods", e => e.Object.Str("spec.nodeName") is { Length: > 0 } node && HasNoExecute(node) ? [node] : []),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var nodeType = context.Type("", "nodes");
        var node = context.Registry.TryGet(nodeType, null, key);
        if (node is null)
        {
            Track(key, false);
            return;
        }
        node = Taint(context, node);
        var noExecute = (node.At("spec.taints") as JsonArray ?? []).OfType<JsonObject>().Where(t => t.Str("effect") == "NoExecute").ToList();
        Track(key, noExecute.Count > 0);
        if (noExecute.Count > 0)
        {
            Evict(context, node, noExecute);
        }
    }

    private bool HasNoExecute(string node)
    {
        lock (_noExecute)
        {
            return _noExecute.Contains(node);
        }
    }

    private void Track(string node, bool tainted)
    {
        lock (_noExecute)
        {
            if (tainted)
            {
                _noExecute.Add(node);
            }
            else
            {
                _noExecute.Remove(node);
            }
        }
    }

    /// <summary>Brings the not-ready/unreachable taints in line with the Ready condition.</summary>
    private static JsonObject Taint(ControllerContext context, JsonObject node)
    {
        var ready = Conditions.Find(node.At("status.conditions"), "Ready")?.Str("status") ?? "Unknown";
        var wanted = ready switch
        {
            "True" => null,
            "False" => NotReady,
            _ => Unreachable,
        };
        var taints = node.At("spec.taints") as JsonArray ?? [];
        var had = taints.OfType<JsonObject>().Any(t => t.Str("key") is NotReady or Unreachable);
        var next = new JsonArray();
        foreach (var taint in taints.OfType<JsonObject>())
        {
            if (taint.Str("key") is not (NotReady or Unreachable) || taint.Str("key") == wanted)
            {
                next.Add(taint.DeepClone());
            }
        }
        if (wanted is not null)
        {
            foreach (var effect in new[] { "NoSchedule", "NoExecute" })
            {
                if (!next.OfType<JsonObject>().Any(t => t.Str("key") == wanted && t.Str("effect") == effect))
                {
                    var taint = new JsonObject { ["key"] = wanted, ["effect"] = effect };
                    if (effect == "NoExecute")
                    {
                        taint["timeAdded"] = context.Now.Timestamp();
                    }
                    next.Add(taint);
                }
            }
        }
        if (JsonNode.DeepEquals(next, taints))
        {
            return node;
        }
        var updated = node.DeepClone().AsObject();
        if (next.Count == 0)
        {
            updated.Ensure("spec").Remove("taints");
        }
        else
        {
            updated.Ensure("spec")["taints"] = next;
        }
        if (wanted is not null && !had)
        {
            context.Events.Normal(node, "NodeNotReady", $"Node {node.Name()} status is now: NodeNotReady", Component);
        }
        else if (wanted is null && had)
        {
            context.Events.Normal(node, "NodeReady", $"Node {node.Name()} status is now: NodeReady", Component);
        }
        return context.Registry.Update(context.Type("", "nodes"), null, node.Name(), updated, ControllerContext.ControllerWrite);
    }

    private static void Evict(ControllerContext context, JsonObject node, List<JsonObject> taints)
    {
        var podType = context.Type("", "pods");
        TimeSpan? next = null;
        foreach (var pod in context.List(podType, null).Where(p => p.Str("spec.nodeName") == node.Name() && p["metadata"]?["deletionTimestamp"] is null))
        {
            var due = EvictionTime(pod, taints, context.Now);
            if (due is null)
            {
                continue;
            }
            if (due > context.Now)
            {
                var wait = due.Value - context.Now;
                next = next is null || wait < next ? wait : next;
                continue;
            }
            var status = pod["status"]?.DeepClone() as JsonObject ?? new JsonObject();
            Conditions.Set(status, Conditions.Make(status["conditions"], "DisruptionTarget", "True", "DeletionByTaintManager",
                "Taint manager: deleting due to NoExecute taint", context.Now.Timestamp()));
            try
            {
                context.UpdateStatus(podType, pod, status);
                context.Events.Normal(pod, "TaintManagerEviction", $"Marking for deletion Pod {pod.Namespace()}/{pod.Name()}", EvictionComponent);
                context.Registry.Delete(podType, pod.Namespace(), pod.Name(), DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code is 404 or 409)
            {
            }
        }
        if (next is { } after)
        {
            context.Requeue(node.Name(), after);
        }
    }

    /// <summary>
    /// When the pod must go: now if a NoExecute taint is not tolerated, never if every one is tolerated forever,
    /// otherwise when the shortest tolerationSeconds has passed since the taint was added.
    /// </summary>
    private static DateTimeOffset? EvictionTime(JsonObject pod, List<JsonObject> taints, DateTimeOffset now)
    {
        DateTimeOffset? due = null;
        foreach (var taint in taints)
        {
            var tolerations = Tolerations.Tolerating(pod["spec"], taint).ToList();
            if (tolerations.Count == 0)
            {
                return now;
            }
            var seconds = tolerations.Select(t => t.Int("tolerationSeconds")).ToList();
            if (seconds.All(s => s is not null))
            {
                var added = JsonObjectExtensions.ParseTimestamp(taint.Str("timeAdded")) ?? now;
                var at = added + TimeSpan.FromSeconds(Math.Max(0, seconds.Min()!.Value));
                due = due is null || at < due ? at : due;
            }
        }
        return due;
    }
}
