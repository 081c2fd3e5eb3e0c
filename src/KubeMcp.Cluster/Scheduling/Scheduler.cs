using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers;
using KubeMcp.Cluster.Controllers.Workloads;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Scheduling;

/// <summary>
/// The default scheduler: binds pending pods to a node that passes the filters (node readiness and
/// unschedulable, taints and tolerations, nodeSelector, required node affinity, CPU/memory requests and pod count
/// against allocatable), preferring the least loaded. Pods that fit nowhere stay Pending with a FailedScheduling
/// event that says, per reason, how many nodes rejected them — worded like kube-scheduler.
/// </summary>
internal sealed class Scheduler : Controller
{
    private const string Component = "default-scheduler";

    private readonly ConditionalWeakTable<JsonObject, StrongBox<(long MilliCpu, long Memory)>> _requests = new();

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        new("pods", e => e.Type != WatchEventType.Deleted && NeedsScheduling(e.Object) ? [$"{e.Namespace}/{e.Name}"] : []),
        // A node change or a freed slot can make room: retry every pending pod.
        new("nodes", _ => ["*"]),
        new("pods", e => e.Type == WatchEventType.Deleted && e.Object.Str("spec.nodeName") is not null ? ["*"] : []),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var podType = context.Type("", "pods");
        if (key == "*")
        {
            foreach (var pending in context.List(podType, null).Where(NeedsScheduling))
            {
                Schedule(pending, context);
            }
            return;
        }
        var (ns, name) = Split(key);
        var pod = context.Registry.TryGet(podType, ns, name);
        if (pod is not null && NeedsScheduling(pod))
        {
            Schedule(pod, context);
        }
    }

    private static bool NeedsScheduling(JsonObject pod) =>
        pod.Str("spec.nodeName") is null or ""
        && pod["metadata"]?["deletionTimestamp"] is null
        && (pod.Str("spec.schedulerName") ?? Component) == Component;

    private void Schedule(JsonObject pod, ControllerContext context)
    {
        var nodes = context.List(context.Type("", "nodes"), null);
        var rejections = new Dictionary<string, int>(StringComparer.Ordinal);
        JsonObject? best = null;
        var bestLoad = long.MaxValue;
        foreach (var node in nodes.OrderBy(n => n.Name(), StringComparer.Ordinal))
        {
            var onNode = context.Registry.Store.PodsOnNode(node.Name()).Where(PodTemplates.IsActive).ToList();
            var used = (MilliCpu: 0L, Memory: 0L);
            foreach (var other in onNode)
            {
                var requests = RequestsOf(other);
                used = (used.MilliCpu + requests.MilliCpu, used.Memory + requests.Memory);
            }
            var reason = NodeFilters.Reject(pod, node, onNode.Count, used);
            if (reason is not null)
            {
                rejections[reason] = rejections.GetValueOrDefault(reason) + 1;
                continue;
            }
            var load = used.MilliCpu * 1000 / Math.Max(1, NodeFilters.Allocatable(node).MilliCpu) + onNode.Count;
            if (load < bestLoad)
            {
                best = node;
                bestLoad = load;
            }
        }
        if (best is null)
        {
            MarkUnschedulable(pod, context, nodes.Count, rejections);
            return;
        }
        var updated = context.Registry.Bind(pod.Namespace(), pod.Name(), best.Name(), new Registry.WriteOptions(Component));
        context.Events.Normal(updated, "Scheduled", $"Successfully assigned {pod.Namespace()}/{pod.Name()} to {best.Name()}", Component);
    }

    /// <summary>A pod's requests, parsed once per stored snapshot (snapshots never change, so neither do their requests).</summary>
    private (long MilliCpu, long Memory) RequestsOf(JsonObject pod) =>
        _requests.GetValue(pod, p => new StrongBox<(long, long)>(NodeFilters.Requests(p))).Value;

    private static void MarkUnschedulable(JsonObject pod, ControllerContext context, int nodeCount, Dictionary<string, int> rejections)
    {
        var reasons = string.Join(", ", rejections.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key}"));
        var preemption = $"preemption: 0/{nodeCount} nodes are available: {nodeCount} Preemption is not helpful for scheduling.";
        var message = nodeCount == 0
            ? "no nodes available to schedule pods"
            : $"0/{nodeCount} nodes are available: {reasons}. {preemption}";
        var status = pod["status"]?.DeepClone() as JsonObject ?? new JsonObject { ["phase"] = "Pending" };
        var before = status.ToJsonString();
        SetCondition(status, "PodScheduled", "False", "Unschedulable", message, context.Now.Timestamp());
        if (status.ToJsonString() != before)
        {
            context.UpdateStatus(context.Type("", "pods"), pod, status);
            context.Events.Warning(pod, "FailedScheduling", message, Component);
        }
    }

    private static void SetCondition(JsonObject status, string type, string value, string? reason, string? message, string now)
    {
        var conditions = status["conditions"] as JsonArray ?? [];
        var existing = conditions.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.ToString() == type);
        if (existing is not null && existing["status"]?.ToString() == value && existing["message"]?.ToString() == message)
        {
            return;
        }
        if (existing is not null)
        {
            conditions.Remove(existing);
        }
        var condition = new JsonObject { ["type"] = type, ["status"] = value, ["lastProbeTime"] = null, ["lastTransitionTime"] = now };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }
        conditions.Add(condition);
        status["conditions"] = conditions;
    }
}
