using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>Keeps the number of pods a ReplicaSet controls equal to its replicas, and reports their readiness.</summary>
internal sealed class ReplicaSetController : Controller
{
    private const string Component = "replicaset-controller";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("replicasets.apps"),
        ControllerWatch.Owner("pods", "ReplicaSet"),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var rsType = context.Type("apps", "replicasets");
        var podType = context.Type("", "pods");
        var rs = context.Registry.TryGet(rsType, ns, name);
        if (rs is null || rs["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        var pods = context.Controlled(podType, rs).Where(PodTemplates.IsActive).ToList();
        var desired = (int)(rs.Int("spec.replicas") ?? 1);
        var diff = desired - pods.Count;
        if (diff > 0)
        {
            var template = rs["spec"]?["template"] as JsonObject ?? new JsonObject();
            for (var i = 0; i < diff; i++)
            {
                var created = context.Registry.Create(podType, ns, PodTemplates.NewPod(rs, template), ControllerContext.ControllerWrite);
                pods.Add(created);
                context.Events.Normal(rs, "SuccessfulCreate", $"Created pod: {created.Name()}", Component);
            }
        }
        else if (diff < 0)
        {
            foreach (var victim in pods.OrderBy(DeletionRank).ThenByDescending(p => p.Str("metadata.creationTimestamp")).Take(-diff).ToList())
            {
                try
                {
                    context.Registry.Delete(podType, ns, victim.Name(), DeleteOptions.Default);
                    context.Events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {victim.Name()}", Component);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                }
                pods.Remove(victim);
            }
        }
        var ready = pods.Count(PodTemplates.IsReady);
        var status = new JsonObject
        {
            ["replicas"] = pods.Count,
            ["fullyLabeledReplicas"] = pods.Count,
            ["readyReplicas"] = ready,
            ["availableReplicas"] = ready,
            ["observedGeneration"] = rs.Int("metadata.generation") ?? 1,
        };
        if (ready == 0)
        {
            status.Remove("readyReplicas");
            status.Remove("availableReplicas");
        }
        context.UpdateStatus(rsType, rs, status);
    }

    /// <summary>The controller deletes unscheduled, then pending, then unready pods first, as upstream ranks them.</summary>
    private static int DeletionRank(JsonObject pod) =>
        pod.Str("spec.nodeName") is null ? 0
        : pod.Str("status.phase") == "Pending" ? 1
        : !PodTemplates.IsReady(pod) ? 2
        : 3;
}
