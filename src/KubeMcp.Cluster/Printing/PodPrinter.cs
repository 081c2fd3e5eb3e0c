using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// <c>kubectl get pods</c>: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES. STATUS is the
/// upstream summary: the phase or status reason, overridden by the first init container that has not completed
/// (<c>Init:1/3</c>, <c>Init:CrashLoopBackOff</c>, <c>Init:Error</c>), then by the first app container's waiting or
/// terminated reason (<c>CrashLoopBackOff</c>, <c>Completed</c>, <c>ExitCode:2</c>…), then Terminating / Unknown.
/// </summary>
internal static class PodPrinter
{
    private const string NodeUnreachableReason = "NodeLost";

    public static ResourcePrinter Create() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Ready", "Ready containers out of all containers (sidecars included)."),
            TableColumn.Str("Status", "Summary of the pod's phase and its containers' states."),
            TableColumn.Str("Restarts", "Container restarts, and how long ago the latest one ended."),
            TableColumn.Age,
            TableColumn.Str("IP", "The pod's primary IP address.", 1),
            TableColumn.Str("Node", "The node the pod is bound to.", 1),
            TableColumn.Str("Nominated Node", "The node the scheduler nominated while preempting.", 1),
            TableColumn.Str("Readiness Gates", "Readiness gates whose condition is True, out of all gates.", 1),
        ],
        Cells,
        Conditions);

    private static JsonNode?[] Cells(JsonObject pod, DateTimeOffset now)
    {
        var spec = pod["spec"];
        var status = pod["status"];
        var summary = Summarize(pod);

        var restarts = summary.Restarts.ToString(CultureInfo.InvariantCulture);
        if (summary.Restarts != 0 && summary.LastRestart is { } last)
        {
            restarts = $"{restarts} ({HumanDuration.Format(now - last)} ago)";
        }

        var podIp = status.Objects("podIPs").Select(p => p.Text("ip")).FirstOrDefault() ?? status.Text("podIP");
        return
        [
            pod.Text("metadata", "name"),
            $"{summary.Ready}/{summary.Total}",
            summary.Reason,
            restarts,
            Timestamps.Age(pod, now),
            OrNone(podIp),
            OrNone(spec.Text("nodeName")),
            OrNone(status.Text("nominatedNodeName")),
            ReadinessGates(spec, status),
        ];
    }

    private static (int Ready, int Total, string Reason, long Restarts, DateTimeOffset? LastRestart) Summarize(JsonObject pod)
    {
        var spec = pod["spec"];
        var status = pod["status"];
        var phase = status.Text("phase");
        var reason = status.Str("reason") is { Length: > 0 } statusReason ? statusReason : phase;
        if (status.Objects("conditions").Any(c => c.Text("type") == "PodScheduled" && c.Text("reason") == "SchedulingGated"))
        {
            reason = "SchedulingGated";
        }

        var initContainers = spec.Objects("initContainers");
        var sidecars = initContainers.Where(c => c.Text("restartPolicy") == "Always").Select(c => c.Text("name")).ToHashSet();
        var total = spec.Count("containers") + initContainers.Count(c => c.Text("restartPolicy") == "Always");
        var ready = 0;
        long restarts = 0, sidecarRestarts = 0;
        DateTimeOffset? lastRestart = null, lastSidecarRestart = null;

        var initializing = false;
        var initStatuses = status.Objects("initContainerStatuses");
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i];
            var count = container.Long("restartCount") ?? 0;
            var finished = Timestamps.Parse(container, "lastState", "terminated", "finishedAt");
            restarts += count;
            lastRestart = Latest(lastRestart, finished);
            var isSidecar = sidecars.Contains(container.Text("name"));
            if (isSidecar)
            {
                sidecarRestarts += count;
                lastSidecarRestart = Latest(lastSidecarRestart, finished);
            }

            var terminated = container.Obj("state", "terminated");
            var waitingReason = container.Text("state", "waiting", "reason");
            if (terminated is not null && (terminated.Long("exitCode") ?? 0) == 0)
            {
                continue;
            }
            if (isSidecar && container.Bool("started") == true)
            {
                if (container.Bool("ready") == true)
                {
                    ready++;
                }
                continue;
            }
            if (terminated is not null)
            {
                reason = "Init:" + TerminatedReason(terminated);
            }
            else if (waitingReason.Length > 0 && waitingReason != "PodInitializing")
            {
                reason = "Init:" + waitingReason;
            }
            else
            {
                reason = $"Init:{i}/{initContainers.Count}";
            }
            initializing = true;
            break;
        }

        if (!initializing || HasCondition(status, "Initialized"))
        {
            restarts = sidecarRestarts;
            lastRestart = lastSidecarRestart;
            var hasRunning = false;
            var statuses = status.Objects("containerStatuses");
            // Walks back to front so the first container's state has the last word, as upstream does.
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i];
                restarts += container.Long("restartCount") ?? 0;
                lastRestart = Latest(lastRestart, Timestamps.Parse(container, "lastState", "terminated", "finishedAt"));
                var waitingReason = container.Text("state", "waiting", "reason");
                var terminated = container.Obj("state", "terminated");
                if (container.Obj("state", "waiting") is not null && waitingReason.Length > 0)
                {
                    reason = waitingReason;
                }
                else if (terminated is not null)
                {
                    reason = TerminatedReason(terminated);
                }
                else if (container.Bool("ready") == true && container.Obj("state", "running") is not null)
                {
                    hasRunning = true;
                    ready++;
                }
            }

            if (reason == "Completed" && hasRunning)
            {
                var podReady = status.Objects("conditions").Any(c => c.Text("type") == "Ready" && c.Text("status") == "True");
                reason = podReady ? "Running" : "NotReady";
            }
        }

        if (pod.At("metadata", "deletionTimestamp") is not null)
        {
            if (status.Text("reason") == NodeUnreachableReason)
            {
                reason = "Unknown";
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }
        return (ready, total, reason, restarts, lastRestart);
    }

    /// <summary>A terminated container's reason, else <c>Signal:N</c> or <c>ExitCode:N</c>.</summary>
    private static string TerminatedReason(JsonObject terminated)
    {
        if (terminated.Str("reason") is { Length: > 0 } reason)
        {
            return reason;
        }
        var signal = terminated.Long("signal") ?? 0;
        return signal != 0
            ? $"Signal:{signal.ToString(CultureInfo.InvariantCulture)}"
            : $"ExitCode:{(terminated.Long("exitCode") ?? 0).ToString(CultureInfo.InvariantCulture)}";
    }

    private static string ReadinessGates(JsonNode? spec, JsonNode? status)
    {
        var gates = spec.Objects("readinessGates");
        if (gates.Count == 0)
        {
            return LabelText.None;
        }
        var conditions = status.Objects("conditions");
        var satisfied = gates.Count(gate =>
            conditions.FirstOrDefault(c => c.Text("type") == gate.Text("conditionType")) is { } c && c.Text("status") == "True");
        return $"{satisfied}/{gates.Count}";
    }

    /// <summary>Completed pods carry a row condition kubectl uses to tell finished pods apart.</summary>
    private static JsonArray? Conditions(JsonObject pod) => pod.Text("status", "phase") switch
    {
        "Succeeded" => RowCompleted("Succeeded", "The pod has completed successfully."),
        "Failed" => RowCompleted("Failed", "The pod failed."),
        _ => null,
    };

    private static JsonArray RowCompleted(string reason, string message) =>
    [
        new JsonObject { ["type"] = "Completed", ["status"] = "True", ["reason"] = reason, ["message"] = message },
    ];

    /// <summary>Whether the first condition of <paramref name="type"/> is True.</summary>
    private static bool HasCondition(JsonNode? status, string type) =>
        status.Objects("conditions").FirstOrDefault(c => c.Text("type") == type)?.Text("status") == "True";

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => b > a || a is null ? b ?? a : a;

    private static string OrNone(string value) => value.Length == 0 ? LabelText.None : value;
}
