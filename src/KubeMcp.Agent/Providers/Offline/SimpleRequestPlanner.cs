using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>One-call requests: list objects, show one object, scale a workload. The answer quotes the tool's output.</summary>
internal static class SimpleRequestPlanner
{
    public static PlannerStep Next(TaskIntent intent, PlannerSession session, PlannerToolbox tools)
    {
        if (intent.Kind == IntentKind.SecretValue)
        {
            // Secret values do not belong in a chat transcript; a person with access can read the Secret directly.
            return PlannerStep.Finish(TriageReport.Header + "I will not print passwords, tokens or other secret values"
                + (intent.Target is null ? "" : $" from the Secret {intent.Target}") + (intent.Namespace is null ? "" : $" in namespace {intent.Namespace}")
                + ". Secret data should not be copied into an agent's transcript or logs; someone authorised to read the Secret can look at it "
                + "directly with their own credentials.");
        }

        var call = intent.Kind switch
        {
            IntentKind.Usage => tools.Fit("pods_top", ("namespace", intent.Namespace)) is { } top ? ("pods_top", top) : null,
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

        if (intent.Kind == IntentKind.Usage)
        {
            return PlannerStep.Finish(TriageReport.Header + UsageAnswer(intent, observed.Result));
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
            case "HelmRelease":
                return tools.Fit("helm_list", ("namespace", intent.Namespace)) is { } releases ? ("helm_list", releases) : null;
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

    private static string UsageAnswer(TaskIntent intent, string result)
    {
        var column = intent.ResourceKind == "cpu" ? "CPU(cores)" : "MEMORY(bytes)";
        var rows = TextTable.TryParse(result)?.Rows
            .Where(r => r.ContainsKey("NAME") && r.ContainsKey(column))
            .Select(r => (Row: r, Amount: Quantity.Parse(r[column])))
            .Where(x => x.Amount is not null)
            .OrderByDescending(x => x.Amount)
            .ToList() ?? [];
        var scope = intent.Namespace is null ? "in all namespaces" : $"in namespace {intent.Namespace}";
        if (rows.Count == 0)
        {
            return $"the metrics {scope} could not be read as a table:\n{result.TrimEnd()}";
        }

        var (row, _) = rows[0];
        var name = row.TryGetValue("NAMESPACE", out var ns) && ns.Length > 0 ? $"{ns}/{row["NAME"]}" : row["NAME"];
        return $"the pod using the most {intent.ResourceKind} {scope} is {name}, with {row[column]} right now (from the metrics API):\n{result.TrimEnd()}";
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
