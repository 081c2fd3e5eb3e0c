using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// Decides which pods carry <c>sim.kubemcp.io/crash-until-recreated</c> state: the first generation of a workload's
/// pods does; once one of them is deleted, or the workload rolls out a new template, its new pods start clean — as a
/// stale lock file in an emptyDir volume survives container restarts but not a new pod. Deciding by generation
/// rather than by creation time keeps the outcome independent of how fast the controllers create the pods.
/// </summary>
internal sealed class StaleStateTracker
{
    public const string Annotation = "sim.kubemcp.io/crash-until-recreated";

    private readonly Dictionary<string, string> _firstTemplate = new(StringComparer.Ordinal);
    private readonly HashSet<string> _cleared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stalePods = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The crash line the pod's containers log on every start, or null when the pod starts clean.</summary>
    public string? CrashLineFor(JsonObject pod)
    {
        if (pod.Annotations()?[Annotation]?.ToString() is not { Length: > 0 } line)
        {
            return null;
        }
        var workload = WorkloadOf(pod);
        var template = TemplateOf(pod);
        lock (_gate)
        {
            if (_cleared.Contains(workload))
            {
                return null;
            }
            if (!_firstTemplate.TryAdd(workload, template) && _firstTemplate[workload] != template)
            {
                return null;
            }
            _stalePods[pod.Uid()] = workload;
            return line;
        }
    }

    /// <summary>Records that a pod went away: if it carried the stale state, its workload's later pods start clean.</summary>
    public void Deleted(string podUid)
    {
        lock (_gate)
        {
            if (_stalePods.Remove(podUid, out var workload))
            {
                _cleared.Add(workload);
            }
        }
    }

    // A Deployment's ReplicaSets are named <deployment>-<pod-template-hash>; all of them count as one workload.
    private static string WorkloadOf(JsonObject pod)
    {
        var owner = (pod.At("metadata.ownerReferences") as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(o => o["controller"]?.GetValue<bool>() == true);
        if (owner is null)
        {
            return $"{pod.Namespace()}/Pod/{pod.Name()}";
        }
        var name = owner["name"]?.ToString() ?? "";
        if (owner["kind"]?.ToString() == "ReplicaSet" && pod.Labels()?["pod-template-hash"]?.ToString() is { Length: > 0 } hash
            && name.EndsWith($"-{hash}", StringComparison.Ordinal))
        {
            return $"{pod.Namespace()}/Deployment/{name[..^(hash.Length + 1)]}";
        }
        return $"{pod.Namespace()}/{owner["kind"]}/{name}";
    }

    private static string TemplateOf(JsonObject pod) =>
        pod.Labels()?["pod-template-hash"]?.ToString() ?? pod.Labels()?["controller-revision-hash"]?.ToString() ?? "";
}
