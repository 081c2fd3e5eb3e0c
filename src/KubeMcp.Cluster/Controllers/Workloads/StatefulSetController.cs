using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// Runs StatefulSets as the upstream controller does: pods with stable ordinal names created in order (each waiting
/// for the one before to be Running and Ready under <c>OrderedReady</c>, all at once under <c>Parallel</c>), scale
/// down from the highest ordinal, claims from volumeClaimTemplates, and rolling updates from the highest ordinal down
/// to the partition, tracked through ControllerRevisions.
/// </summary>
internal sealed class StatefulSetController : Controller
{
    private const string Component = "statefulset-controller";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("statefulsets.apps"),
        ControllerWatch.Owner("pods", "StatefulSet"),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var setType = context.Type("apps", "statefulsets");
        var set = context.Registry.TryGet(setType, ns, name);
        if (set is null || set["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        var revisions = ControllerRevisions.Owned(context, set);
        var update = ControllerRevisions.Ensure(context, set, revisions);
        var current = revisions.FirstOrDefault(r => r.Name() == set.Str("status.currentRevision")) ?? update;

        Sync(context, set, current, update);

        var pods = OwnedPods(context, set);
        var status = Status(context, set, pods, current, update);
        context.UpdateStatus(setType, set, status);
        var live = pods.Select(p => p.Labels()?[ControllerRevisions.PodLabel]?.ToString() ?? "")
            .Append(status.Str("currentRevision") ?? "").Append(update.Name()).ToHashSet(StringComparer.Ordinal);
        ControllerRevisions.Prune(context, set, revisions, live);
    }

    private static List<JsonObject> OwnedPods(ControllerContext context, JsonObject set) =>
        context.Controlled(context.Type("", "pods"), set);

    private static void Sync(ControllerContext context, JsonObject set, JsonObject current, JsonObject update)
    {
        var replicas = (int)(set.Int("spec.replicas") ?? 1);
        var start = (int)(set.Int("spec.ordinals.start") ?? 0);
        var monotonic = set.Str("spec.podManagementPolicy") != "Parallel";
        var rolling = (set.Str("spec.updateStrategy.type") ?? "RollingUpdate") == "RollingUpdate";
        var partition = rolling ? (int)(set.Int("spec.updateStrategy.rollingUpdate.partition") ?? 0) : 0;
        var minReady = set.Int("spec.minReadySeconds") ?? 0;
        var key = $"{set.Namespace()}/{set.Name()}";

        var slots = new JsonObject?[replicas];
        var condemned = new List<(int Ordinal, JsonObject Pod)>();
        foreach (var pod in OwnedPods(context, set))
        {
            var ordinal = StatefulSetIdentity.Ordinal(set, pod);
            if (ordinal < 0)
            {
                continue;
            }
            if (ordinal >= start && ordinal < start + replicas)
            {
                slots[ordinal - start] = pod;
            }
            else
            {
                condemned.Add((ordinal, pod));
            }
        }
        condemned.Sort((a, b) => b.Ordinal.CompareTo(a.Ordinal));

        // Pods that ran to an end are deleted so that the next pass recreates them under the same name.
        for (var i = 0; i < replicas; i++)
        {
            if (slots[i] is { } pod && pod.Str("status.phase") is "Failed" or "Succeeded" && !PodControl.IsTerminating(pod))
            {
                var failed = pod.Str("status.phase") == "Failed";
                context.Events.Record(set, failed ? "Warning" : "Normal", failed ? "RecreatingFailedPod" : "RecreatingTerminatedPod",
                    $"StatefulSet {set.Namespace()}/{set.Name()} is recreating {(failed ? "failed" : "terminated")} Pod {pod.Name()}", Component, null, null);
                DeletePod(context, set, pod);
                if (monotonic)
                {
                    return;
                }
                slots[i] = null;
            }
        }

        var unhealthy = false;
        for (var i = 0; i < replicas; i++)
        {
            var ordinal = start + i;
            var pod = slots[i];
            if (pod is null)
            {
                if (Recreating(context, set, ordinal))
                {
                    unhealthy = true;
                    if (monotonic)
                    {
                        return;
                    }
                    continue;
                }
                var revision = rolling && ordinal < start + partition ? current : update;
                CreatePod(context, set, revision, ordinal);
                unhealthy = true;
                if (monotonic)
                {
                    return;
                }
                continue;
            }
            if (PodControl.IsTerminating(pod) || !PodControl.IsRunningAndReady(pod))
            {
                unhealthy = true;
                if (monotonic)
                {
                    return;
                }
                continue;
            }
            if (monotonic && !PodControl.IsAvailable(pod, minReady, context.Now, out var wait))
            {
                context.Requeue(key, wait ?? TimeSpan.FromSeconds(1));
                return;
            }
        }

        foreach (var (ordinal, pod) in condemned)
        {
            if (PodControl.IsTerminating(pod))
            {
                if (monotonic)
                {
                    return;
                }
                continue;
            }
            if (monotonic && unhealthy)
            {
                return;
            }
            DeletePod(context, set, pod);
            if (set.Str("spec.persistentVolumeClaimRetentionPolicy.whenScaled") == "Delete")
            {
                DeleteClaims(context, set, ordinal);
            }
            if (monotonic)
            {
                return;
            }
        }

        if (!rolling)
        {
            return;
        }
        for (var i = replicas - 1; i >= Math.Max(0, partition); i--)
        {
            var pod = slots[i];
            if (pod is null)
            {
                return;
            }
            if (pod.Labels()?[ControllerRevisions.PodLabel]?.ToString() != update.Name() && !PodControl.IsTerminating(pod))
            {
                DeletePod(context, set, pod);
                return;
            }
            if (PodControl.IsTerminating(pod) || !PodControl.IsRunningAndReady(pod))
            {
                return;
            }
        }
    }

    /// <summary>A pod of this name still exists under another owner or is being removed: wait for it to go.</summary>
    private static bool Recreating(ControllerContext context, JsonObject set, int ordinal) =>
        context.Registry.TryGet(context.Type("", "pods"), set.Namespace(), StatefulSetIdentity.PodName(set, ordinal)) is not null;

    private static void CreatePod(ControllerContext context, JsonObject set, JsonObject revision, int ordinal)
    {
        var podName = StatefulSetIdentity.PodName(set, ordinal);
        var claimType = context.Type("", "persistentvolumeclaims");
        foreach (var template in StatefulSetIdentity.ClaimTemplates(set))
        {
            var claimName = StatefulSetIdentity.ClaimName(set, template, ordinal);
            if (context.Registry.TryGet(claimType, set.Namespace(), claimName) is not null)
            {
                continue;
            }
            context.Registry.Create(claimType, set.Namespace(), StatefulSetIdentity.NewClaim(set, template, ordinal), ControllerContext.ControllerWrite);
            context.Events.Normal(set, "SuccessfulCreate", $"create Claim {claimName} Pod {podName} in StatefulSet {set.Name()} success", Component);
        }
        context.Registry.Create(context.Type("", "pods"), set.Namespace(), StatefulSetIdentity.NewPod(set, revision, ordinal), ControllerContext.ControllerWrite);
        context.Events.Normal(set, "SuccessfulCreate", $"create Pod {podName} in StatefulSet {set.Name()} successful", Component);
    }

    private static void DeletePod(ControllerContext context, JsonObject set, JsonObject pod)
    {
        try
        {
            context.Registry.Delete(context.Type("", "pods"), pod.Namespace(), pod.Name(), DeleteOptions.Default);
            context.Events.Normal(set, "SuccessfulDelete", $"delete Pod {pod.Name()} in StatefulSet {set.Name()} successful", Component);
        }
        catch (ApiException e) when (e.Code == 404)
        {
        }
    }

    private static void DeleteClaims(ControllerContext context, JsonObject set, int ordinal)
    {
        var claimType = context.Type("", "persistentvolumeclaims");
        foreach (var template in StatefulSetIdentity.ClaimTemplates(set))
        {
            try
            {
                context.Registry.Delete(claimType, set.Namespace(), StatefulSetIdentity.ClaimName(set, template, ordinal), DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code == 404)
            {
            }
        }
    }

    private static JsonObject Status(ControllerContext context, JsonObject set, List<JsonObject> pods, JsonObject current, JsonObject update)
    {
        var minReady = set.Int("spec.minReadySeconds") ?? 0;
        var live = pods.Where(p => !PodControl.IsTerminating(p)).ToList();
        string? Revision(JsonObject p) => p.Labels()?[ControllerRevisions.PodLabel]?.ToString();
        var replicas = pods.Count;
        var ready = pods.Count(PodControl.IsRunningAndReady);
        var available = 0;
        TimeSpan? soonest = null;
        foreach (var pod in pods)
        {
            if (PodControl.IsAvailable(pod, minReady, context.Now, out var wait))
            {
                available++;
            }
            else if (wait is { } w && (soonest is null || w < soonest))
            {
                soonest = w;
            }
        }
        if (soonest is { } due)
        {
            context.Requeue($"{set.Namespace()}/{set.Name()}", due);
        }
        var currentReplicas = live.Count(p => Revision(p) == current.Name());
        var updatedReplicas = live.Count(p => Revision(p) == update.Name());
        var currentRevision = current.Name();
        var rolling = (set.Str("spec.updateStrategy.type") ?? "RollingUpdate") == "RollingUpdate";
        if (rolling && updatedReplicas == replicas && ready == replicas)
        {
            currentReplicas = updatedReplicas;
            currentRevision = update.Name();
        }
        var status = new JsonObject
        {
            ["observedGeneration"] = set.Int("metadata.generation") ?? 1,
            ["replicas"] = replicas,
            ["readyReplicas"] = ready,
            ["currentReplicas"] = currentReplicas,
            ["updatedReplicas"] = updatedReplicas,
            ["currentRevision"] = currentRevision,
            ["updateRevision"] = update.Name(),
            ["collisionCount"] = set.Int("status.collisionCount") ?? 0,
            ["availableReplicas"] = available,
        };
        foreach (var field in new[] { "readyReplicas", "currentReplicas", "updatedReplicas" })
        {
            if (JsonObjectExtensions.AsLong(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
        return status;
    }
}
