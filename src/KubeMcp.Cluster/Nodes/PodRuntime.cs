using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// One pod's simulated containers on its node: the state machine that turns the spec into the status a real
/// kubelet would report at a given time.
/// </summary>
internal sealed class PodRuntime(JsonObject pod, string node, string hostIp, string podIp, DateTimeOffset startTime)
{
    public string Key { get; } = $"{pod.Namespace()}/{pod.Name()}";

    public string Node { get; } = node;

    public string PodIp { get; } = podIp;

    public DateTimeOffset StartedAt { get; } = startTime;

    private bool _started;

    /// <summary>The running (or last) instance of a container; null before its first start.</summary>
    public ContainerInstance? Current(string container) => null;

    /// <summary>The instance before the current one (what <c>kubectl logs --previous</c> shows); null if none.</summary>
    public ContainerInstance? Previous(string container) => null;

    /// <summary>Names of the pod's init and app containers, in spec order.</summary>
    public IReadOnlyList<string> ContainerNames { get; } =
        [.. ((pod.At("spec.initContainers") as JsonArray ?? []).Concat(pod.At("spec.containers") as JsonArray ?? []))
            .Select(c => c?["name"]?.ToString() ?? "")];

    public PodStep Advance(JsonObject current, ObjectRegistry registry, DateTimeOffset now)
    {
        var events = new List<PodEvent>();
        var stamp = StartedAt.Timestamp();
        var containers = (current.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (!_started)
        {
            _started = true;
            foreach (var c in containers)
            {
                var name = c["name"]?.ToString();
                var image = c["image"]?.ToString();
                var path = $"spec.containers{{{name}}}";
                events.Add(new("Normal", "Pulled", $"Container image \"{image}\" already present on machine", path));
                events.Add(new("Normal", "Created", $"Created container: {name}", path));
                events.Add(new("Normal", "Started", $"Started container {name}", path));
            }
        }
        var statuses = new JsonArray(containers.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c["name"]?.DeepClone(),
            ["state"] = new JsonObject { ["running"] = new JsonObject { ["startedAt"] = stamp } },
            ["lastState"] = new JsonObject(),
            ["ready"] = true,
            ["restartCount"] = 0,
            ["image"] = c["image"]?.DeepClone(),
            ["imageID"] = "",
            ["containerID"] = $"containerd://{Guid.NewGuid():N}",
            ["started"] = true,
        }).ToArray());
        JsonObject Condition(string type) => new() { ["type"] = type, ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = stamp };
        var status = new JsonObject
        {
            ["phase"] = "Running",
            ["conditions"] = new JsonArray(Condition("PodReadyToStartContainers"), Condition("Initialized"), Condition("Ready"),
                Condition("ContainersReady"), Condition("PodScheduled")),
            ["hostIP"] = hostIp,
            ["hostIPs"] = new JsonArray(new JsonObject { ["ip"] = hostIp }),
            ["podIP"] = PodIp,
            ["podIPs"] = new JsonArray(new JsonObject { ["ip"] = PodIp }),
            ["startTime"] = stamp,
            ["containerStatuses"] = statuses,
            ["qosClass"] = current.Str("status.qosClass") ?? "BestEffort",
        };
        if (current["status"]?["containerStatuses"] is JsonArray existing)
        {
            // Keep container IDs stable across reconciles.
            for (var i = 0; i < Math.Min(existing.Count, statuses.Count); i++)
            {
                statuses[i]!["containerID"] = existing[i]?["containerID"]?.DeepClone();
            }
        }
        return new PodStep(status, events, null);
    }
}
