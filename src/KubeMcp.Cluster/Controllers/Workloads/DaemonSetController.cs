using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// Keeps one pod of each DaemonSet on every eligible node (see <see cref="DaemonSetPods"/>), removes pods from
/// nodes that no longer qualify, replaces failed ones, rolls template changes out node by node within
/// maxUnavailable/maxSurge, and reports the scheduled/ready/available/updated counts <c>rollout status</c> reads.
/// </summary>
internal sealed class DaemonSetController : Controller
{
    private const string Component = "daemonset-controller";
    private const string AllKey = "*";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("daemonsets.apps"),
        ControllerWatch.Owner("pods", "DaemonSet"),
        // Node labels, taints and membership decide where daemon pods belong.
        new("nodes", _ => [AllKey]),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var dsType = context.Type("apps", "daemonsets");
        if (key == AllKey)
        {
            foreach (var each in context.List(dsType, null))
            {
                Sync(context, each);
            }
            return;
        }
        var (ns, name) = Split(key);
        if (context.Registry.TryGet(dsType, ns, name) is { } ds)
        {
            Sync(context, ds);
        }
    }

    private static void Sync(ControllerContext context, JsonObject ds)
    {
        if (ds["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        var revisions = ControllerRevisions.Owned(context, ds);
        var update = ControllerRevisions.Ensure(context, ds, revisions);
        var hash = ControllerRevisions.Hash(update);
        var nodes = context.List(context.Type("", "nodes"), null);
        var changed = PlacePods(context, ds, nodes, hash);
        if (!changed && (ds.Str("spec.updateStrategy.type") ?? "RollingUpdate") == "RollingUpdate")
        {
            RollOut(context, ds, nodes, hash);
        }
        var pods = OwnedPods(context, ds);
        context.UpdateStatus(context.Type("apps", "daemonsets"), ds, Status(context, ds, nodes, pods, hash));
        var live = pods.Select(p => p.Labels()?[ControllerRevisions.PodLabel]?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);
        ControllerRevisions.Prune(context, ds, revisions, revisions.Where(r => live.Contains(ControllerRevisions.Hash(r)) || r.Name() == update.Name())
            .Select(r => r.Name()).ToHashSet(StringComparer.Ordinal));
    }

    private static List<JsonObject> OwnedPods(ControllerContext context, JsonObject ds) =>
        context.Controlled(context.Type("", "pods"), ds);

    private static Dictionary<string, List<JsonObject>> ActiveByNode(List<JsonObject> pods) =>
        pods.Where(p => !PodControl.IsTerminating(p) && DaemonSetPods.NodeOf(p) is not null)
            .GroupBy(p => DaemonSetPods.NodeOf(p)!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Str("metadata.creationTimestamp"), StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>Creates missing daemon pods and deletes misplaced, duplicate and failed ones; true if anything changed.</summary>
    private static bool PlacePods(ControllerContext context, JsonObject ds, IReadOnlyList<JsonObject> nodes, string hash)
    {
        var byNode = ActiveByNode(OwnedPods(context, ds));
        var changed = false;
        var nodeNames = nodes.Select(n => n.Name()).ToHashSet(StringComparer.Ordinal);
        foreach (var (nodeName, pods) in byNode.Where(kv => !nodeNames.Contains(kv.Key)))
        {
            pods.ForEach(p => changed |= PodControl.Delete(context, ds, p, Component));
        }
        foreach (var node in nodes)
        {
            var pods = byNode.GetValueOrDefault(node.Name()) ?? [];
            if (!DaemonSetPods.ShouldRun(ds, node))
            {
                pods.ForEach(p => changed |= PodControl.Delete(context, ds, p, Component));
                continue;
            }
            foreach (var failed in pods.Where(p => p.Str("status.phase") == "Failed").ToList())
            {
                context.Events.Warning(ds, "FailedDaemonPod",
                    $"Found failed daemon pod {failed.Namespace()}/{failed.Name()} on node {node.Name()}, will try to kill it", Component);
                changed |= PodControl.Delete(context, ds, failed, Component);
                pods.Remove(failed);
            }
            if (pods.Count == 0)
            {
                PodControl.Create(context, ds, DaemonSetPods.NewPod(ds, hash, node.Name()), Component);
                changed = true;
                continue;
            }
            // One pod per template on a node; during a surge an old and a new pod may overlap.
            foreach (var group in pods.GroupBy(p => p.Labels()?[ControllerRevisions.PodLabel]?.ToString()))
            {
                foreach (var extra in group.Skip(1))
                {
                    changed |= PodControl.Delete(context, ds, extra, Component);
                }
            }
        }
        return changed;
    }

    private static void RollOut(ControllerContext context, JsonObject ds, IReadOnlyList<JsonObject> nodes, string hash)
    {
        var eligible = nodes.Where(n => DaemonSetPods.ShouldRun(ds, n)).ToList();
        var desired = eligible.Count;
        var maxSurge = PodTemplates.Resolve(ds.At("spec.updateStrategy.rollingUpdate.maxSurge"), desired, roundUp: true, fallback: 0);
        var maxUnavailable = PodTemplates.Resolve(ds.At("spec.updateStrategy.rollingUpdate.maxUnavailable"), desired, roundUp: true, fallback: 1);
        if (maxSurge == 0 && maxUnavailable == 0)
        {
            maxUnavailable = 1;
        }
        var minReady = ds.Int("spec.minReadySeconds") ?? 0;
        var byNode = ActiveByNode(OwnedPods(context, ds));
        bool IsNew(JsonObject p) => p.Labels()?[ControllerRevisions.PodLabel]?.ToString() == hash;
        bool Available(JsonObject p)
        {
            var available = PodControl.IsAvailable(p, minReady, context.Now, out var wait);
            if (wait is { } w)
            {
                context.Requeue($"{ds.Namespace()}/{ds.Name()}", w);
            }
            return available;
        }
        var unavailable = eligible.Count(n => !(byNode.GetValueOrDefault(n.Name()) ?? []).Any(Available));
        var surging = eligible.Count(n => (byNode.GetValueOrDefault(n.Name()) ?? []) is var p && p.Any(IsNew) && p.Any(x => !IsNew(x)));
        foreach (var node in eligible)
        {
            var pods = byNode.GetValueOrDefault(node.Name()) ?? [];
            var old = pods.Where(p => !IsNew(p)).ToList();
            if (old.Count == 0)
            {
                continue;
            }
            var fresh = pods.FirstOrDefault(IsNew);
            if (maxSurge > 0)
            {
                if (fresh is not null && Available(fresh))
                {
                    old.ForEach(p => PodControl.Delete(context, ds, p, Component));
                }
                else if (fresh is null && (!old.Any(Available) || surging < maxSurge))
                {
                    PodControl.Create(context, ds, DaemonSetPods.NewPod(ds, hash, node.Name()), Component);
                    surging++;
                }
                continue;
            }
            if (!old.Any(Available))
            {
                old.ForEach(p => PodControl.Delete(context, ds, p, Component));
            }
            else if (unavailable < maxUnavailable)
            {
                old.ForEach(p => PodControl.Delete(context, ds, p, Component));
                unavailable++;
            }
        }
    }

    private static JsonObject Status(ControllerContext context, JsonObject ds, IReadOnlyList<JsonObject> nodes, List<JsonObject> pods, string hash)
    {
        var minReady = ds.Int("spec.minReadySeconds") ?? 0;
        var byNode = ActiveByNode(pods);
        int desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
        foreach (var node in nodes)
        {
            var onNode = byNode.GetValueOrDefault(node.Name()) ?? [];
            if (!DaemonSetPods.ShouldRun(ds, node))
            {
                misscheduled += onNode.Count > 0 ? 1 : 0;
                continue;
            }
            desired++;
            if (onNode.Count == 0)
            {
                continue;
            }
            current++;
            ready += onNode.Any(PodControl.IsRunningAndReady) ? 1 : 0;
            available += onNode.Any(p => PodControl.IsAvailable(p, minReady, context.Now, out _)) ? 1 : 0;
            updated += onNode.Any(p => p.Labels()?[ControllerRevisions.PodLabel]?.ToString() == hash) ? 1 : 0;
        }
        var status = new JsonObject
        {
            ["currentNumberScheduled"] = current,
            ["numberMisscheduled"] = misscheduled,
            ["desiredNumberScheduled"] = desired,
            ["numberReady"] = ready,
            ["observedGeneration"] = ds.Int("metadata.generation") ?? 1,
            ["updatedNumberScheduled"] = updated,
            ["numberAvailable"] = available,
            ["numberUnavailable"] = desired - available,
        };
        foreach (var field in new[] { "updatedNumberScheduled", "numberAvailable", "numberUnavailable" })
        {
            if (JsonObjectExtensions.AsLong(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
        return status;
    }
}
