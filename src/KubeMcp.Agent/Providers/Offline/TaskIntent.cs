using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>What the person asked for, read from the task text with a few patterns.</summary>
internal sealed partial record TaskIntent(IntentKind Kind, string? Namespace, bool AllowRestart, string? Target, string? ResourceKind, int? Replicas)
{
    private static readonly HashSet<string> NotNamespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "the", "my", "our", "your", "these", "those", "some", "any", "of", "failing", "failed", "crashing", "broken",
        "unhealthy", "running", "pending", "bad", "dead", "stuck", "other", "every", "each", "restart", "restarting", "that",
        "which", "what", "why", "are", "is", "its", "their", "few", "many", "several", "problem", "problematic", "erroring",
        "error", "a", "an", "and", "in", "on", "list", "show", "get", "describe", "investigate",
    };

    public static TaskIntent Parse(string task)
    {
        var text = task.Trim();
        var ns = NamespaceOf(text);

        var scale = ScalePattern().Match(text);
        if (scale.Success)
        {
            return new TaskIntent(IntentKind.Scale, ns, false, scale.Groups["name"].Value,
                NormalizeKind(scale.Groups["kind"].Success ? scale.Groups["kind"].Value : "deployment"),
                int.Parse(scale.Groups["n"].Value, CultureInfo.InvariantCulture));
        }

        var why = WhyPattern().Match(text);
        if (why.Success && !NotNamespaces.Contains(why.Groups["name"].Value))
        {
            return new TaskIntent(IntentKind.Diagnose, ns, false, why.Groups["name"].Value, null, null);
        }

        if (TriageWords().IsMatch(text))
        {
            return new TaskIntent(IntentKind.Triage, ns, RestartWords().IsMatch(text), null, null, null);
        }

        var describe = DescribePattern().Match(text);
        if (describe.Success)
        {
            return new TaskIntent(IntentKind.Describe, ns, false, describe.Groups["name"].Value, NormalizeKind(describe.Groups["kind"].Value), null);
        }

        var list = ListPattern().Match(text);
        if (list.Success)
        {
            return new TaskIntent(IntentKind.List, ns, false, null, NormalizeKind(list.Groups["kind"].Value), null);
        }

        return new TaskIntent(IntentKind.Unsupported, ns, false, null, null, null);
    }

    private static string? NamespaceOf(string text)
    {
        foreach (var pattern in new[] { ExplicitNamespace(), NamespaceSuffix(), NamespaceFlag() })
        {
            var m = pattern.Match(text);
            if (m.Success && !NotNamespaces.Contains(m.Groups["ns"].Value))
            {
                return m.Groups["ns"].Value.ToLowerInvariant();
            }
        }

        // "All production pods are failing": a word right before "pods" that is not an adjective we know.
        foreach (Match m in WordBeforePods().Matches(text))
        {
            if (!NotNamespaces.Contains(m.Groups["ns"].Value))
            {
                return m.Groups["ns"].Value.ToLowerInvariant();
            }
        }

        return null;
    }

    private static string NormalizeKind(string kind) => kind.ToLowerInvariant() switch
    {
        "deploy" or "deployment" or "deployments" => "Deployment",
        "sts" or "statefulset" or "statefulsets" => "StatefulSet",
        "rs" or "replicaset" or "replicasets" => "ReplicaSet",
        "ds" or "daemonset" or "daemonsets" => "DaemonSet",
        "svc" or "service" or "services" => "Service",
        "ns" or "namespace" or "namespaces" => "Namespace",
        "no" or "node" or "nodes" => "Node",
        "event" or "events" => "Event",
        "cm" or "configmap" or "configmaps" => "ConfigMap",
        "job" or "jobs" => "Job",
        _ => "Pod",
    };

    [GeneratedRegex(@"\bnamespace[:\s]+[""'`]?(?<ns>[a-z0-9][a-z0-9-]{0,62})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitNamespace();

    [GeneratedRegex(@"\b(?:in|from)\s+(?:the\s+)?[""'`]?(?<ns>[a-z0-9][a-z0-9-]{0,62})[""'`]?\s+(?:namespace|ns)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceSuffix();

    [GeneratedRegex(@"(?:^|\s)(?:-n|--namespace)[=\s]+(?<ns>[a-z0-9][a-z0-9-]{0,62})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceFlag();

    [GeneratedRegex(@"\b(?<ns>[a-z0-9][a-z0-9-]{1,62})\s+pods?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordBeforePods();

    [GeneratedRegex(@"\bscale\s+(?:(?:the\s+)?(?<kind>deployment|deploy|statefulset|sts|replicaset|rs)[/\s]+)?[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)[""'`]?\s+(?:to|=)\s*(?<n>\d{1,4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScalePattern();

    [GeneratedRegex(@"\bwhy\s+(?:is|are|does|do)\s+(?:the\s+)?(?:pod\s+|deployment\s+)?[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)[""'`]?\s+(?:\w+\s+)?(?:failing|crashing|broken|down|not|restarting|pending|unhealthy)", RegexOptions.IgnoreCase)]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"\b(fail\w*|crash\w*|broken|unhealthy|not working|investigate|troubleshoot|debug|diagnos\w*|fix|restart|what'?s wrong|problems?|errors?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TriageWords();

    [GeneratedRegex(@"\b(restart\w*|fix|repair|recover|heal|bounce|recreate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RestartWords();

    [GeneratedRegex(@"\b(?:describe|show|get|inspect)\s+(?:the\s+)?(?<kind>pod|deployment|deploy|service|svc|node|statefulset|configmap|cm)[/\s]+[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex DescribePattern();

    [GeneratedRegex(@"\b(?:list|show|get|what|which)\b.*?\b(?<kind>pods?|deployments?|deploy|services?|svc|namespaces?|nodes?|events?|statefulsets?|configmaps?|jobs?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListPattern();
}
