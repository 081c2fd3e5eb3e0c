using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeMcp.Server.Formatting;

/// <summary>
/// The READY, STATUS and RESTARTS columns of <c>kubectl get pods</c>, computed from a Pod object the way kubectl
/// does: STATUS is the most telling reason (CrashLoopBackOff, ImagePullBackOff, Init:0/1, Terminating, Completed),
/// not just the phase.
/// </summary>
internal sealed record PodSummary(string Ready, string Status, string Restarts, string Node)
{
    public static PodSummary From(JsonObject pod, DateTimeOffset now)
    {
        var status = pod["status"];
        var spec = pod["spec"];
        // The API server defaults an unset phase to Pending; a pod no kubelet reported on yet reads that way.
        var reason = status.Str("phase") ?? "Pending";
        if (!string.IsNullOrEmpty(status.Str("reason")))
        {
            reason = status.Str("reason")!;
        }
        var totalContainers = spec.Objects("containers").Count();
        var readyContainers = 0;
        var restarts = 0L;
        DateTimeOffset? lastRestart = null;

        var initSpecs = spec.Objects("initContainers").ToList();
        var initializing = false;
        var initStatuses = status.Objects("initContainerStatuses").ToList();
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var c = initStatuses[i];
            restarts += c.Long("restartCount") ?? 0;
            Track(c, ref lastRestart);
            var terminated = c.At("state.terminated");
            var waiting = c.At("state.waiting");
            if (terminated is not null && (terminated.Long("exitCode") ?? 0) == 0)
            {
                continue;
            }
            var sidecar = i < initSpecs.Count && initSpecs[i].Str("restartPolicy") == "Always";
            if (sidecar && c.Bool("started"))
            {
                continue;
            }
            if (terminated is not null)
            {
                reason = string.IsNullOrEmpty(terminated.Str("reason"))
                    ? (terminated.Long("signal") is long sig and not 0 ? $"Init:Signal:{sig}" : $"Init:ExitCode:{terminated.Long("exitCode") ?? 0}")
                    : "Init:" + terminated.Str("reason");
            }
            else if (waiting is not null && !string.IsNullOrEmpty(waiting.Str("reason")) && waiting.Str("reason") != "PodInitializing")
            {
                reason = "Init:" + waiting.Str("reason");
            }
            else
            {
                reason = $"Init:{i}/{initSpecs.Count}";
            }
            initializing = true;
            break;
        }

        if (!initializing || HasCondition(status, "Initialized"))
        {
            restarts = 0;
            var hasRunning = false;
            var containerStatuses = status.Objects("containerStatuses").ToList();
            for (var i = containerStatuses.Count - 1; i >= 0; i--)
            {
                var c = containerStatuses[i];
                restarts += c.Long("restartCount") ?? 0;
                Track(c, ref lastRestart);
                var waiting = c.At("state.waiting");
                var terminated = c.At("state.terminated");
                if (waiting is not null && !string.IsNullOrEmpty(waiting.Str("reason")))
                {
                    reason = waiting.Str("reason")!;
                }
                else if (terminated is not null && !string.IsNullOrEmpty(terminated.Str("reason")))
                {
                    reason = terminated.Str("reason")!;
                }
                else if (terminated is not null)
                {
                    reason = terminated.Long("signal") is long sig and not 0 ? $"Signal:{sig}" : $"ExitCode:{terminated.Long("exitCode") ?? 0}";
                }
                else if (c.Bool("ready") && c.At("state.running") is not null)
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }
            if (reason == "Completed" && hasRunning)
            {
                reason = HasCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }

        if (pod.Str("metadata.deletionTimestamp") is not null)
        {
            reason = status.Str("reason") == "NodeLost" ? "Unknown" : "Terminating";
        }

        var restartText = restarts.ToString(CultureInfo.InvariantCulture);
        if (restarts > 0 && lastRestart is { } when)
        {
            restartText += $" ({HumanDuration.Format(now - when)} ago)";
        }
        var node = spec.Str("nodeName");
        return new PodSummary($"{readyContainers}/{totalContainers}", reason, restartText, string.IsNullOrEmpty(node) ? "<none>" : node);
    }

    private static bool HasCondition(JsonNode? status, string type) =>
        status.Objects("conditions").Any(c => c.Str("type") == type && c.Str("status") == "True");

    private static void Track(JsonObject containerStatus, ref DateTimeOffset? last)
    {
        if (containerStatus.Str("lastState.terminated.finishedAt") is { } finished &&
            DateTimeOffset.TryParse(finished, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) &&
            (last is null || t > last))
        {
            last = t;
        }
    }
}
