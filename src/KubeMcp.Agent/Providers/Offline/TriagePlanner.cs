using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// The "investigate failing pods (and restart them)" workflow: list → gather (one log per crashed container, the
/// previous run's when it restarted; the namespace's events) → diagnose → read the pods a restart would help, to
/// confirm → restart only what a restart can fix and a controller will recreate → list again to verify → report.
/// Each call to <see cref="Next"/> looks at what has been observed so far and returns the next move.
/// </summary>
/// <remarks>
/// The list, one log and the events say what is wrong with most pods; the pod's YAML is read only when a restart is
/// on the table, because only it tells whether a controller recreates the pod, and its last state can show a cause
/// the log does not (OOMKilled).
/// </remarks>
internal static class TriagePlanner
{
    /// <summary>Most pods investigated in one run, so a cluster-wide outage cannot blow the step or token budget.</summary>
    public const int MaxPods = 8;

    private const int LogTail = 50;

    public static PlannerStep Next(TaskIntent intent, PlannerSession session, PlannerToolbox tools)
    {
        var listCall = PodListing.Call(tools, intent.Namespace);
        if (listCall is null)
        {
            return PlannerStep.GiveUp(TriageReport.Header + "the MCP server offers no tool to list pods (pods_list), so I cannot investigate.");
        }

        var lists = session.Observations.Where(PodListing.IsListing).ToList();
        if (lists.Count == 0)
        {
            return PlannerStep.Call(listCall.Value);
        }

        var baseline = lists.FirstOrDefault(o => !o.IsError && TextTable.TryParse(o.Result) is not null);
        if (baseline is null)
        {
            // The namespace read from the task may not exist: try all namespaces once.
            if (intent.Namespace is not null && PodListing.Call(tools, null) is { } all && session.Find(all.Tool, all.Arguments) is null)
            {
                return PlannerStep.Call(all);
            }

            return PlannerStep.GiveUp(TriageReport.Header + $"listing pods failed: {FirstLine(lists[^1].Result)}");
        }

        var baselineNs = baseline.Arg("namespace");
        var pods = PodRow.FromTable(TextTable.TryParse(baseline.Result)!, baselineNs);
        if (intent.Target is { } target)
        {
            pods = [.. pods.Where(p => p.Name == target || p.Name.StartsWith(target + "-", StringComparison.Ordinal))];
        }

        // Pods still being created are suspects too: the warning events decide whether they are stuck.
        var suspects = pods.Where(p => p.IsUnhealthy || p.IsStarting).OrderByDescending(p => p.Restarts).ToList();
        var eventsSeen = suspects.Select(p => p.Namespace).Distinct().All(ns => EventsCall(ns, tools) is not { } c || session.Find(c.Tool, c.Arguments) is not null);
        var unhealthy = suspects
            .Where(p => p.IsUnhealthy || (eventsSeen && Events(p, session).Any(e => e.Type == "Warning" && e.IsAbout(p))))
            .Take(MaxPods)
            .ToList();
        if (unhealthy.Count == 0 && (eventsSeen || !suspects.Any(p => p.IsStarting)))
        {
            return PlannerStep.Finish(TriageReport.AllHealthy(pods, baselineNs, intent.Target));
        }

        var gather = GatherCalls(unhealthy, suspects, session, tools);
        if (gather.Count > 0)
        {
            return PlannerStep.Call([.. gather]);
        }

        var nodes = session.Observations.LastOrDefault(NodeRow.IsListing) is { } nodeList && TextTable.TryParse(nodeList.Result) is { } nodeTable
            ? NodeRow.FromTable(nodeTable)
            : null;
        var diagnoses = unhealthy.Select(p => PodDiagnoser.Diagnose(p, PodYaml(p, session, tools), PodLog(p, session), Events(p, session), nodes)).ToList();

        // Second look: the pods a restart would help (only their YAML says whether a controller recreates them) and
        // those whose YAML says more (container states, limits, where a setting comes from); the nodes when a pod is
        // Pending or unready with no other clue.
        var details = diagnoses
            .Where(d => d.RestartHelps || d.NeedsPod)
            .Select(d => tools.Fit("pods_get", ("name", d.Pod.Name), ("namespace", d.Pod.Namespace)))
            .OfType<JsonObject>()
            .Where(args => session.Find("pods_get", args) is null)
            .Select(args => ("pods_get", args))
            .ToList();
        if (diagnoses.Any(d => d.NeedsNodes) && NodesCall(tools) is { } nodesCall && session.Find(nodesCall.Tool, nodesCall.Arguments) is null)
        {
            details.Add(nodesCall);
        }

        if (details.Count > 0)
        {
            return PlannerStep.Call([.. details]);
        }

        if (intent.AllowRestart && tools.Has("pods_delete"))
        {
            var deletes = diagnoses
                .Where(d => d.RestartHelps && d.Owner is not null)
                .Select(d => tools.Fit("pods_delete", ("name", d.Pod.Name), ("namespace", d.Pod.Namespace)))
                .OfType<JsonObject>()
                .Where(args => session.Find("pods_delete", args) is null)
                .Select(args => ("pods_delete", args))
                .ToArray();
            if (deletes.Length > 0)
            {
                return PlannerStep.Call(deletes);
            }
        }

        var lastDelete = LastIndex(session, o => o.Tool == "pods_delete" && !o.IsError);
        Observation? verification = null;
        if (lastDelete >= 0)
        {
            verification = session.Observations.Skip(lastDelete + 1).LastOrDefault(o => PodListing.IsListing(o) && !o.IsError);
            if (verification is null)
            {
                return PlannerStep.Call((baseline.Tool, (JsonObject)baseline.Arguments.DeepClone()));
            }
        }

        return PlannerStep.Finish(TriageReport.Build(intent, pods, diagnoses, session, tools, baseline, verification));
    }

    private static List<(string Tool, JsonObject Arguments)> GatherCalls(List<PodRow> unhealthy, List<PodRow> suspects, PlannerSession session, PlannerToolbox tools)
    {
        var calls = new List<(string, JsonObject)>();
        void Need(string tool, JsonObject? args)
        {
            if (args is not null && session.Find(tool, args) is null && !calls.Any(c => c.Item1 == tool && JsonNode.DeepEquals(c.Item2, args)))
            {
                calls.Add((tool, args));
            }
        }

        foreach (var pod in unhealthy)
        {
            if (ContainerRan(pod))
            {
                var previous = LogArgs(pod, tools, previous: pod.Restarts > 0);
                var observed = previous is null ? null : session.Find("pods_log", previous);
                if (observed is { IsError: true } && pod.Restarts > 0)
                {
                    Need("pods_log", LogArgs(pod, tools, previous: false)); // no previous instance after all
                }
                else
                {
                    Need("pods_log", previous);
                }
            }
        }

        foreach (var ns in suspects.Select(p => p.Namespace).Distinct())
        {
            if (EventsCall(ns, tools) is { } events)
            {
                Need(events.Tool, events.Arguments);
            }
        }

        return calls;
    }

    /// <summary>
    /// Only warnings: they carry every cause the diagnoser reads (failed pulls, back-offs, scheduling, probes, missing
    /// objects, failed mounts), and the routine Normal events would triple the output.
    /// </summary>
    private static (string Tool, JsonObject Arguments)? EventsCall(string? ns, PlannerToolbox tools) =>
        tools.Fit("events_list", ("namespace", ns), ("fieldSelector", "type=Warning")) is { } args ? ("events_list", args) : null;

    private static (string Tool, JsonObject Arguments)? NodesCall(PlannerToolbox tools) =>
        tools.Fit("resources_list", ("apiVersion", "v1"), ("kind", "Node")) is { } args ? ("resources_list", args) : null;

    private static JsonObject? LogArgs(PodRow pod, PlannerToolbox tools, bool previous) =>
        tools.Fit("pods_log", ("name", pod.Name), ("namespace", pod.Namespace), ("tail", LogTail), ("previous", previous ? true : null));

    internal static bool IsImageFailure(PodRow pod) =>
        pod.Status is "ImagePullBackOff" or "ErrImagePull" or "InvalidImageName" or "ErrImageNeverPull";

    /// <summary>Whether the container ever started, so a log can exist.</summary>
    private static bool ContainerRan(PodRow pod) =>
        !IsImageFailure(pod) && pod.Status is not ("Pending" or "CreateContainerConfigError" or "CreateContainerError" or "ContainerCreating");

    private static string? PodYaml(PodRow pod, PlannerSession session, PlannerToolbox tools) =>
        tools.Fit("pods_get", ("name", pod.Name), ("namespace", pod.Namespace)) is { } args && session.Find("pods_get", args) is { IsError: false } o
            ? o.Result
            : null;

    private static string? PodLog(PodRow pod, PlannerSession session) =>
        session.Observations.LastOrDefault(o => o.Tool == "pods_log" && !o.IsError && o.Arg("name") == pod.Name
            && (pod.Namespace is null || o.Arg("namespace") is null || o.Arg("namespace") == pod.Namespace))?.Result;

    private static IReadOnlyList<EventRow> Events(PodRow pod, PlannerSession session) =>
        [.. session.Observations
            .Where(o => o.Tool == "events_list" && !o.IsError && (o.Arg("namespace") is null || o.Arg("namespace") == pod.Namespace))
            .SelectMany(o => TextTable.TryParse(o.Result) is { } t ? EventRow.FromTable(t, o.Arg("namespace")) : [])];

    internal static int LastIndex(PlannerSession session, Func<Observation, bool> predicate)
    {
        for (var i = session.Observations.Count - 1; i >= 0; i--)
        {
            if (predicate(session.Observations[i]))
            {
                return i;
            }
        }

        return -1;
    }

    internal static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= 160 ? line : line[..159] + "…";
    }
}
