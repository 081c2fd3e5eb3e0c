using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// Rolls Deployments out through ReplicaSets as the upstream controller does: one ReplicaSet per pod template
/// (named by the template hash), RollingUpdate within maxSurge/maxUnavailable or Recreate, revision annotations that
/// <c>kubectl rollout undo</c> relies on, history pruning, and the status and conditions <c>rollout status</c> reads.
/// </summary>
internal sealed class DeploymentController : Controller
{
    private const string Component = "deployment-controller";
    private const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string HashLabel = "pod-template-hash";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("deployments.apps"),
        ControllerWatch.Owner("replicasets.apps", "Deployment"),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var deployType = context.Type("apps", "deployments");
        var rsType = context.Type("apps", "replicasets");
        var deployment = context.Registry.TryGet(deployType, ns, name);
        if (deployment is null || deployment["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        var template = deployment.At("spec.template") as JsonObject ?? new JsonObject();
        var all = context.Controlled(rsType, deployment);
        var newRs = all.FirstOrDefault(rs => SameTemplate(rs, template));
        var old = all.Where(rs => !ReferenceEquals(rs, newRs)).OrderBy(Revision).ToList();
        var desired = (int)(deployment.Int("spec.replicas") ?? 1);
        var paused = deployment.At("spec.paused") is JsonValue p && p.TryGetValue<bool>(out var isPaused) && isPaused;
        var maxRevision = all.Count == 0 ? 0 : all.Max(Revision);

        if (newRs is null && !paused)
        {
            newRs = CreateReplicaSet(context, rsType, deployment, template, maxRevision + 1, desired, old.Count == 0 ? desired : 0);
        }
        else if (newRs is not null && Revision(newRs) < maxRevision)
        {
            // Rolling back to an older template makes its ReplicaSet the newest revision again.
            newRs = Annotate(context, rsType, newRs, maxRevision + 1, desired);
        }

        if (newRs is not null && !paused)
        {
            if (deployment.Str("spec.strategy.type") == "Recreate")
            {
                Recreate(context, rsType, deployment, newRs, old, desired);
            }
            else
            {
                Roll(context, rsType, deployment, ref newRs, old, desired);
            }
            PruneHistory(context, rsType, deployment, old);
        }
        else if (newRs is not null && paused && Replicas(newRs) != desired && old.All(rs => Replicas(rs) == 0))
        {
            Scale(context, rsType, deployment, newRs, desired);
        }
        UpdateStatus(context, deployType, deployment, newRs, desired);
    }

    private void Roll(ControllerContext context, Api.ResourceType rsType, JsonObject deployment, ref JsonObject newRs, List<JsonObject> old, int desired)
    {
        var maxSurge = PodTemplates.Resolve(deployment.At("spec.strategy.rollingUpdate.maxSurge"), desired, roundUp: true, fallback: (int)Math.Ceiling(desired * 0.25));
        var maxUnavailable = PodTemplates.Resolve(deployment.At("spec.strategy.rollingUpdate.maxUnavailable"), desired, roundUp: false, fallback: desired / 4);
        if (maxSurge == 0 && maxUnavailable == 0)
        {
            maxUnavailable = 1;
        }
        var oldActive = old.Where(rs => Replicas(rs) > 0).ToList();
        if (oldActive.Count == 0)
        {
            if (Replicas(newRs) != desired)
            {
                newRs = Scale(context, rsType, deployment, newRs, desired);
            }
            return;
        }
        // Scale up the new ReplicaSet as far as the surge allows.
        var total = Replicas(newRs) + oldActive.Sum(Replicas);
        var room = desired + maxSurge - total;
        if (room > 0 && Replicas(newRs) < desired)
        {
            newRs = Scale(context, rsType, deployment, newRs, Math.Min(desired, Replicas(newRs) + room));
        }
        // Scale down old ReplicaSets as far as availability allows; their unavailable pods go first.
        var available = Available(newRs) + oldActive.Sum(Available);
        var canRemove = available - (desired - maxUnavailable);
        foreach (var rs in oldActive)
        {
            var unhealthy = Math.Max(0, Replicas(rs) - Available(rs));
            var remove = Math.Min(Replicas(rs), unhealthy + Math.Max(0, canRemove));
            if (remove <= 0)
            {
                continue;
            }
            canRemove -= Math.Max(0, remove - unhealthy);
            Scale(context, rsType, deployment, rs, Replicas(rs) - remove);
        }
    }

    private void Recreate(ControllerContext context, Api.ResourceType rsType, JsonObject deployment, JsonObject newRs, List<JsonObject> old, int desired)
    {
        var running = false;
        foreach (var rs in old.Where(rs => Replicas(rs) > 0 || (rs.Int("status.replicas") ?? 0) > 0))
        {
            running = true;
            if (Replicas(rs) > 0)
            {
                Scale(context, rsType, deployment, rs, 0);
            }
        }
        if (!running && Replicas(newRs) != desired)
        {
            Scale(context, rsType, deployment, newRs, desired);
        }
    }

    private JsonObject CreateReplicaSet(ControllerContext context, Api.ResourceType rsType, JsonObject deployment, JsonObject template,
        int revision, int desired, int replicas)
    {
        var hash = PodTemplates.Hash(template);
        var rsTemplate = template.DeepClone().AsObject();
        var labels = rsTemplate.Ensure("metadata.labels");
        labels[HashLabel] = hash;
        var selector = deployment.At("spec.selector")?.DeepClone() as JsonObject ?? new JsonObject();
        selector.Ensure("matchLabels")[HashLabel] = hash;
        var rs = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = new JsonObject
            {
                ["name"] = $"{deployment.Name()}-{hash}",
                ["namespace"] = deployment.Namespace(),
                ["labels"] = labels.DeepClone(),
                ["annotations"] = new JsonObject
                {
                    ["deployment.kubernetes.io/desired-replicas"] = desired.ToString(CultureInfo.InvariantCulture),
                    ["deployment.kubernetes.io/max-replicas"] = (desired + 1).ToString(CultureInfo.InvariantCulture),
                    [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture),
                },
                ["ownerReferences"] = new JsonArray(ControllerRefs.For(deployment)),
            },
            ["spec"] = new JsonObject
            {
                ["replicas"] = replicas,
                ["minReadySeconds"] = deployment.Int("spec.minReadySeconds") ?? 0,
                ["selector"] = selector,
                ["template"] = rsTemplate,
            },
        };
        var created = context.Registry.Create(rsType, deployment.Namespace(), rs, ControllerContext.ControllerWrite);
        if (replicas > 0)
        {
            context.Events.Normal(deployment, "ScalingReplicaSet", $"Scaled up replica set {created.Name()} from 0 to {replicas}", Component);
        }
        return created;
    }

    private static JsonObject Annotate(ControllerContext context, Api.ResourceType rsType, JsonObject rs, int revision, int desired)
    {
        var next = rs.DeepClone().AsObject();
        var annotations = next.Ensure("metadata.annotations");
        annotations[RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture);
        annotations["deployment.kubernetes.io/desired-replicas"] = desired.ToString(CultureInfo.InvariantCulture);
        return context.Registry.Update(rsType, rs.Namespace(), rs.Name(), next, ControllerContext.ControllerWrite);
    }

    private static JsonObject Scale(ControllerContext context, Api.ResourceType rsType, JsonObject deployment, JsonObject rs, int replicas)
    {
        var from = Replicas(rs);
        var next = rs.DeepClone().AsObject();
        next.Ensure("spec")["replicas"] = replicas;
        next.Ensure("metadata.annotations")["deployment.kubernetes.io/desired-replicas"] =
            (deployment.Int("spec.replicas") ?? 1).ToString(CultureInfo.InvariantCulture);
        var updated = context.Registry.Update(rsType, rs.Namespace(), rs.Name(), next, ControllerContext.ControllerWrite);
        if (from != replicas)
        {
            var direction = replicas > from ? "up" : "down";
            context.Events.Normal(deployment, "ScalingReplicaSet", $"Scaled {direction} replica set {rs.Name()} from {from} to {replicas}", Component);
        }
        return updated;
    }

    private static void PruneHistory(ControllerContext context, Api.ResourceType rsType, JsonObject deployment, List<JsonObject> old)
    {
        var limit = (int)(deployment.Int("spec.revisionHistoryLimit") ?? 10);
        var idle = old.Where(rs => Replicas(rs) == 0 && (rs.Int("status.replicas") ?? 0) == 0).OrderBy(Revision).ToList();
        foreach (var rs in idle.Take(Math.Max(0, idle.Count - limit)))
        {
            try
            {
                context.Registry.Delete(rsType, rs.Namespace(), rs.Name(), DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code == 404)
            {
            }
        }
    }

    private static void UpdateStatus(ControllerContext context, Api.ResourceType deployType, JsonObject deployment, JsonObject? newRs, int desired)
    {
        var rsType = context.Type("apps", "replicasets");
        var all = context.Controlled(rsType, deployment);
        var current = newRs is null ? null : all.FirstOrDefault(rs => rs.Uid() == newRs.Uid());
        int Sum(string path) => all.Sum(rs => (int)(rs.Int(path) ?? 0));
        var replicas = Sum("status.replicas");
        var ready = Sum("status.readyReplicas");
        var available = Sum("status.availableReplicas");
        var updated = (int)(current?.Int("status.replicas") ?? 0);
        var maxUnavailable = PodTemplates.Resolve(deployment.At("spec.strategy.rollingUpdate.maxUnavailable"), desired, roundUp: false, fallback: desired / 4);
        if (deployment.Str("spec.strategy.type") == "Recreate")
        {
            maxUnavailable = 0;
        }
        var now = context.Now.Timestamp();
        var previous = deployment.At("status.conditions") as JsonArray;
        var isAvailable = available >= desired - maxUnavailable;
        var complete = current is not null && updated == desired && replicas == desired && available == desired
                       && (current.Int("status.availableReplicas") ?? 0) == desired;
        var rsName = current?.Name() ?? deployment.Name();
        var progressing = complete
            ? PodTemplates.Condition("Progressing", "True", "NewReplicaSetAvailable", $"ReplicaSet \"{rsName}\" has successfully progressed.", now, previous)
            : PodTemplates.Condition("Progressing", "True", "ReplicaSetUpdated", $"ReplicaSet \"{rsName}\" is progressing.", now, previous);
        var deadline = deployment.Int("spec.progressDeadlineSeconds") ?? 600;
        if (!complete && JsonObjectExtensions.ParseTimestamp(progressing["lastUpdateTime"]?.ToString()) is { } since)
        {
            var elapsed = context.Now - since;
            if (elapsed >= TimeSpan.FromSeconds(deadline))
            {
                progressing = PodTemplates.Condition("Progressing", "False", "ProgressDeadlineExceeded", $"ReplicaSet \"{rsName}\" has timed out progressing.", now, previous);
            }
            else
            {
                context.Requeue($"{deployment.Namespace()}/{deployment.Name()}", TimeSpan.FromSeconds(deadline) - elapsed);
            }
        }
        var status = new JsonObject
        {
            ["observedGeneration"] = deployment.Int("metadata.generation") ?? 1,
            ["replicas"] = replicas,
            ["updatedReplicas"] = updated,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = available,
            ["unavailableReplicas"] = Math.Max(0, replicas - available),
            ["conditions"] = new JsonArray(
                isAvailable
                    ? PodTemplates.Condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", now, previous)
                    : PodTemplates.Condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", now, previous),
                progressing),
        };
        foreach (var field in new[] { "replicas", "updatedReplicas", "readyReplicas", "availableReplicas", "unavailableReplicas" })
        {
            if (JsonObjectExtensions.AsLong(status[field]) == 0)
            {
                status.Remove(field);
            }
        }
        context.UpdateStatus(deployType, deployment, status);
    }

    private static bool SameTemplate(JsonObject rs, JsonObject template)
    {
        var rsTemplate = rs.At("spec.template")?.DeepClone() as JsonObject;
        if (rsTemplate?["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(HashLabel);
            if (labels.Count == 0 && template["metadata"]?["labels"] is null)
            {
                rsTemplate["metadata"]!.AsObject().Remove("labels");
            }
        }
        return JsonNode.DeepEquals(rsTemplate, template);
    }

    private static int Replicas(JsonObject rs) => (int)(rs.Int("spec.replicas") ?? 1);

    private static int Available(JsonObject rs) => (int)(rs.Int("status.availableReplicas") ?? 0);

    private static int Revision(JsonObject rs) =>
        int.TryParse(rs.Annotations()?[RevisionAnnotation]?.ToString(), out var r) ? r : 0;
}
