using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers.Workloads;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Cluster.Controllers.Disruption;

/// <summary>
/// Keeps PodDisruptionBudget status as the disruption controller does: expected pods (the selected pods, or the
/// scale of their controllers when the budget is a percentage or maxUnavailable), desired and current healthy pods,
/// how many disruptions are allowed now, and the DisruptionAllowed condition the eviction API relies on.
/// </summary>
internal sealed class DisruptionController : Controller
{
    private const string Component = "controllermanager";
    private static readonly TimeSpan DeletionTimeout = TimeSpan.FromMinutes(2);

    private readonly SelectorIndex _budgets = new(Selector);

    public override string Name => "disruption-controller";

    public override IEnumerable<ControllerWatch> Watches =>
    [
        new("poddisruptionbudgets.policy", _budgets.SelectorChanged),
        new("pods", _budgets.PodChanged),
    ];

    /// <summary>In policy/v1 an empty selector selects every pod in the namespace; a missing one selects none.</summary>
    private static LabelSelector? Selector(JsonObject pdb) =>
        pdb.At("spec.selector") is JsonObject selector ? LabelSelector.FromObject(selector) : null;

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var pdbType = context.Type("policy", "poddisruptionbudgets");
        var pdb = context.Registry.TryGet(pdbType, ns, name);
        if (pdb is null || pdb["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        LabelSelector? selector;
        try
        {
            selector = Selector(pdb);
        }
        catch (ApiException)
        {
            selector = null;
        }
        var pods = selector is null ? [] : context.List(context.Type("", "pods"), ns).Where(p => selector.Matches(p.Labels())).ToList();
        if (pods.Count == 0)
        {
            context.Events.Normal(pdb, "NoPods", "No matching pods found", Component);
        }
        var (expected, desired, unmanaged) = Expected(context, pdb, pods);
        if (unmanaged.Count > 0)
        {
            context.Events.Warning(pdb, "UnmanagedPods",
                $"Pods selected by this PodDisruptionBudget (selector: {selector}) were found to be unmanaged. As a result, the status of the PDB "
                + "cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set "
                + "\".spec.minAvailable\" field of the PDB to an integer value.", Component);
        }
        var disrupted = Disrupted(context, pdb, pods);
        var healthy = pods.Count(p => !PodControl.IsTerminating(p) && PodTemplates.IsReady(p) && !disrupted.ContainsKey(p.Name()));
        var allowed = Math.Max(0, healthy - desired);
        var generation = pdb.Int("metadata.generation") ?? 1;
        var condition = Conditions.Make(pdb.At("status.conditions"), "DisruptionAllowed", allowed > 0 ? "True" : "False",
            allowed > 0 ? "SufficientPods" : "InsufficientPods", "", context.Now.Timestamp());
        condition["observedGeneration"] = generation;
        var status = new JsonObject
        {
            ["observedGeneration"] = generation,
            ["disruptedPods"] = disrupted,
            ["disruptionsAllowed"] = allowed,
            ["currentHealthy"] = healthy,
            ["desiredHealthy"] = desired,
            ["expectedPods"] = expected,
            ["conditions"] = new JsonArray(condition),
        };
        if (disrupted.Count == 0)
        {
            status.Remove("disruptedPods");
        }
        context.UpdateStatus(pdbType, pdb, status);
    }

    private static (int Expected, int Desired, List<JsonObject> Unmanaged) Expected(ControllerContext context, JsonObject pdb, List<JsonObject> pods)
    {
        var minAvailable = pdb.At("spec.minAvailable");
        var maxUnavailable = pdb.At("spec.maxUnavailable");
        if (maxUnavailable is null && (minAvailable is null || !minAvailable.ToString().EndsWith('%')))
        {
            return (pods.Count, (int)(JsonObjectExtensions.AsLong(minAvailable) ?? 0), []);
        }
        var unmanaged = new List<JsonObject>();
        var scales = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (Scale(context, pod) is { } scale)
            {
                scales[scale.Uid] = scale.Replicas;
            }
            else
            {
                unmanaged.Add(pod);
            }
        }
        var expected = scales.Values.Sum();
        var desired = maxUnavailable is not null
            ? Math.Max(0, expected - PodTemplates.Resolve(maxUnavailable, expected, roundUp: true, fallback: 0))
            : PodTemplates.Resolve(minAvailable, expected, roundUp: true, fallback: 0);
        return (expected, desired, unmanaged);
    }

    /// <summary>The scale of the workload that runs the pod: its Deployment, ReplicaSet, StatefulSet or ReplicationController.</summary>
    private static (string Uid, int Replicas)? Scale(ControllerContext context, JsonObject pod)
    {
        var owner = (pod["metadata"]?["ownerReferences"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(r => r["controller"]?.GetValue<bool>() == true);
        JsonObject? workload = owner?.Str("kind") switch
        {
            "ReplicaSet" => context.Registry.TryGet(context.Type("apps", "replicasets"), pod.Namespace(), owner.Str("name") ?? ""),
            "StatefulSet" => context.Registry.TryGet(context.Type("apps", "statefulsets"), pod.Namespace(), owner.Str("name") ?? ""),
            "ReplicationController" => context.Registry.TryGet(context.Type("", "replicationcontrollers"), pod.Namespace(), owner.Str("name") ?? ""),
            _ => null,
        };
        if (workload is not null && workload["kind"]?.ToString() == "ReplicaSet"
            && ControllerRefs.ControllerOf(workload, "Deployment") is { } deploymentName
            && context.Registry.TryGet(context.Type("apps", "deployments"), pod.Namespace(), deploymentName) is { } deployment)
        {
            workload = deployment;
        }
        return workload is null ? null : (workload.Uid(), (int)(workload.Int("spec.replicas") ?? 1));
    }

    /// <summary>Pods the eviction API recorded as being disrupted, while they have not yet gone (at most two minutes).</summary>
    private static JsonObject Disrupted(ControllerContext context, JsonObject pdb, List<JsonObject> pods)
    {
        var result = new JsonObject();
        foreach (var (podName, at) in pdb.At("status.disruptedPods") as JsonObject ?? [])
        {
            var pod = pods.FirstOrDefault(p => p.Name() == podName);
            if (pod is null || PodControl.IsTerminating(pod)
                || JsonObjectExtensions.ParseTimestamp(at?.ToString()) is not { } since || since + DeletionTimeout < context.Now)
            {
                continue;
            }
            result[podName] = at!.DeepClone();
            context.Requeue($"{pdb.Namespace()}/{pdb.Name()}", since + DeletionTimeout - context.Now);
        }
        return result;
    }
}
