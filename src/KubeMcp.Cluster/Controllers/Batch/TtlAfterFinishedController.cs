using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Batch;

/// <summary>
/// Deletes finished Jobs (with their pods) once <c>ttlSecondsAfterFinished</c> has passed since they completed or
/// failed, on the simulation clock, as the ttl-after-finished controller does.
/// </summary>
internal sealed class TtlAfterFinishedController : Controller
{
    private const string Component = "ttl-after-finished-controller";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches => [ControllerWatch.Self("jobs.batch")];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var jobType = context.Type("batch", "jobs");
        var job = context.Registry.TryGet(jobType, ns, name);
        if (job is null || job["metadata"]?["deletionTimestamp"] is not null || job.Int("spec.ttlSecondsAfterFinished") is not { } ttl)
        {
            return;
        }
        var finished = new[] { "Complete", "Failed" }
            .Select(type => Conditions.Find(job.At("status.conditions"), type))
            .FirstOrDefault(c => c?["status"]?.ToString() == "True");
        if (finished is null)
        {
            return;
        }
        var at = JsonObjectExtensions.ParseTimestamp(job.Str("status.completionTime") ?? finished["lastTransitionTime"]?.ToString()) ?? context.Now;
        var expiry = at + TimeSpan.FromSeconds(ttl);
        if (expiry > context.Now)
        {
            context.Requeue(key, expiry - context.Now);
            return;
        }
        try
        {
            context.Registry.Delete(jobType, ns, name, new DeleteOptions(PropagationPolicy: "Foreground", PreconditionUid: job.Uid()));
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
        }
    }
}
