using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>One-call requests: list objects, show one object, scale a workload. The answer quotes the tool's output.</summary>
internal static class SimpleRequestPlanner
{
    public static PlannerStep Next(TaskIntent intent, PlannerSession session, PlannerToolbox tools)
    {
        var call = intent.Kind switch
        {
            IntentKind.List => ListCall(intent, tools),
            IntentKind.Describe => DescribeCall(intent, tools),
            IntentKind.Scale => tools.Fit("resources_scale", ("apiVersion", ApiVersion(intent.ResourceKind!)), ("kind", intent.ResourceKind),
                ("name", intent.Target), ("namespace", intent.Namespace), ("replicas", intent.Replicas)) is { } args ? ("resources_scale", args) : null,
            _ => null,
        };
        if (call is null)
        {
            return PlannerStep.GiveUp(TriageReport.Header + $"the MCP server offers no tool for this request ({Describe(intent)}).");
        }

        var (tool, arguments) = call.Value;
        var observed = session.Find(tool, arguments);
        if (observed is null)
        {
            return PlannerStep.Call((tool, arguments));
        }

        if (observed.IsError)
        {
            return PlannerStep.GiveUp(TriageReport.Header + $"{Describe(intent)} failed: {observed.Result.Trim()}");
        }

        return PlannerStep.Finish(intent.Kind == IntentKind.Scale
            ? TriageReport.Header + $"scaled {intent.ResourceKind} {intent.Target} to {intent.Replicas} replicas. Server reply: {TriagePlanner.FirstLine(observed.Result)}"
            : TriageReport.Header + $"{Describe(intent)}:\n{observed.Result.TrimEnd()}");
    }

    private static (string, JsonObject)? ListCall(TaskIntent intent, PlannerToolbox tools)
    {
        switch (intent.ResourceKind)
        {
            case "Pod":
                return PodListing.Call(tools, intent.Namespace);
            case "Namespace" when tools.Fit("namespaces_list") is { } ns:
                return ("namespaces_list", ns);
            case "Event" when tools.Fit("events_list", ("namespace", intent.Namespace)) is { } ev:
                return ("events_list", ev);
        }

        return tools.Fit("resources_list", ("apiVersion", ApiVersion(intent.ResourceKind!)), ("kind", intent.ResourceKind), ("namespace", intent.Namespace)) is { } args
            ? ("resources_list", args)
            : null;
    }

    private static (string, JsonObject)? DescribeCall(TaskIntent intent, PlannerToolbox tools)
    {
        if (intent.ResourceKind == "Pod" && tools.Fit("pods_get", ("name", intent.Target), ("namespace", intent.Namespace)) is { } pod)
        {
            return ("pods_get", pod);
        }

        return tools.Fit("resources_get", ("apiVersion", ApiVersion(intent.ResourceKind!)), ("kind", intent.ResourceKind), ("name", intent.Target), ("namespace", intent.Namespace)) is { } args
            ? ("resources_get", args)
            : null;
    }

    private static string ApiVersion(string kind) => kind switch
    {
        "Deployment" or "StatefulSet" or "ReplicaSet" or "DaemonSet" => "apps/v1",
        "Job" => "batch/v1",
        _ => "v1",
    };

    private static string Describe(TaskIntent intent) => intent.Kind switch
    {
        IntentKind.List => $"the list of {intent.ResourceKind} objects" + (intent.Namespace is null ? "" : $" in namespace {intent.Namespace}"),
        IntentKind.Describe => $"{intent.ResourceKind} {intent.Target}" + (intent.Namespace is null ? "" : $" in namespace {intent.Namespace}"),
        IntentKind.Scale => $"scaling {intent.ResourceKind} {intent.Target} to {intent.Replicas}",
        _ => "this request",
    };
}
