using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>What the person asked for, read from the task text with a few patterns.</summary>
/// <remarks>
/// A task that reports a problem ("never start", "is stuck", "keeps restarting", "why …", "what is wrong") is a
/// triage; when it names a workload or pod ("the web pods", "checkout", "the orders deployment") the triage is
/// limited to pods named after it. Restarts are allowed only when the task asks for them in so many words
/// ("restart them", "fix it"), never because a word like "restarting" describes the symptom.
/// </remarks>
internal sealed partial record TaskIntent(IntentKind Kind, string? Namespace, bool AllowRestart, string? Target, string? ResourceKind, int? Replicas)
{
    /// <summary>Words that can stand where a namespace does ("all pods", "failing pods") but are not one.</summary>
    private static readonly HashSet<string> NotNamespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "the", "my", "our", "your", "these", "those", "some", "any", "of", "failing", "failed", "crashing", "broken",
        "unhealthy", "running", "pending", "bad", "dead", "stuck", "other", "every", "each", "restart", "restarting", "that",
        "which", "what", "why", "are", "is", "its", "their", "few", "many", "several", "problem", "problematic", "erroring",
        "error", "a", "an", "and", "in", "on", "list", "show", "get", "describe", "investigate", "never", "not", "cluster",
    };

    /// <summary>Words that can stand where a pod or workload name does but are not one.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "the", "my", "our", "your", "these", "those", "some", "any", "of", "failing", "failed", "crashing", "broken",
        "unhealthy", "running", "pending", "bad", "dead", "stuck", "other", "every", "each", "restart", "restarting", "that",
        "which", "what", "why", "are", "is", "its", "their", "few", "many", "several", "problem", "problematic", "erroring",
        "error", "a", "an", "and", "in", "on", "list", "show", "get", "describe", "investigate", "never", "not", "it", "they",
        "them", "this", "there", "cluster", "something", "everything", "nothing", "someone", "users", "traffic", "pod", "pods",
        "deployment", "deployments", "deploy", "service", "services", "job", "jobs", "statefulset", "node", "nodes", "app",
        "application", "namespace", "namespaces", "who", "how", "when", "where", "does", "do", "did", "was", "were", "has",
        "have", "i", "we", "you", "please", "diagnose", "debug", "troubleshoot", "find", "fix", "tell", "check", "look",
        "with", "to", "for", "at", "by", "from", "or", "but", "so", "if", "now", "since", "today", "tonight", "yesterday",
    };

    public static TaskIntent Parse(string task)
    {
        var text = task.Trim();
        var ns = NamespaceOf(text);

        if (SecretValuePattern().IsMatch(text))
        {
            var secret = SecretName().Matches(text).Select(m => m.Groups["name"].Value).FirstOrDefault(n => !NotNames.Contains(n));
            return new TaskIntent(IntentKind.SecretValue, ns, false, secret, "Secret", null);
        }

        var usage = UsagePattern().Match(text);
        if (usage.Success)
        {
            return new TaskIntent(IntentKind.Usage, ns, false, null, usage.Groups["resource"].Value.Equals("cpu", StringComparison.OrdinalIgnoreCase) ? "cpu" : "memory", null);
        }

        var scale = ScalePattern().Match(text);
        if (scale.Success && !NotNames.Contains(scale.Groups["name"].Value))
        {
            var kind = scale.Groups["kind"].Success ? scale.Groups["kind"].Value
                : scale.Groups["kind2"].Success ? scale.Groups["kind2"].Value : "deployment";
            var n = scale.Groups["n"].Value;
            return new TaskIntent(IntentKind.Scale, ns ?? Group(scale, "ns"), false, scale.Groups["name"].Value, NormalizeKind(kind),
                n.Length > 0 ? int.Parse(n, CultureInfo.InvariantCulture) : 1);
        }

        if (ProblemWords().IsMatch(text))
        {
            var (target, subjectNs) = Subject(text);
            return new TaskIntent(target is null ? IntentKind.Triage : IntentKind.Diagnose, ns ?? subjectNs,
                AsksForRestart(text), target, null, null);
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

    /// <summary>The workload or pod the task is about, and a namespace given right after it ("notifier in comms").</summary>
    private static (string? Name, string? Namespace) Subject(string text)
    {
        foreach (var pattern in new[] { WhySubject(), SentenceSubject(), KindThenName() })
        {
            foreach (Match m in pattern.Matches(text))
            {
                var name = m.Groups["name"].Value;
                if (!NotNames.Contains(name) && !name.All(char.IsAsciiDigit))
                {
                    return (name.ToLowerInvariant(), Group(m, "ns"));
                }
            }
        }

        return (null, null);
    }

    private static bool AsksForRestart(string text) =>
        RestartWords().IsMatch(text) && !NoChanges().IsMatch(text);

    private static string? Group(Match m, string name) =>
        m.Groups[name].Success && !NotNamespaces.Contains(m.Groups[name].Value) ? m.Groups[name].Value.ToLowerInvariant() : null;

    private static string? NamespaceOf(string text)
    {
        foreach (var pattern in new[] { NamespaceSuffix(), NamespaceFlag(), ExplicitNamespace() })
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
            if (!NotNamespaces.Contains(m.Groups["ns"].Value) && !SubjectBeforePods(text, m))
            {
                return m.Groups["ns"].Value.ToLowerInvariant();
            }
        }

        return null;
    }

    /// <summary>"The web pods in the storefront namespace": "web" names the pods, it is not their namespace.</summary>
    private static bool SubjectBeforePods(string text, Match m) =>
        NamespaceSuffix().IsMatch(text[(m.Index + m.Length)..]) || PodsInSomething().IsMatch(text[(m.Index + m.Length)..]);

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
        "release" or "releases" or "helm releases" or "helm release" => "HelmRelease",
        _ => "Pod",
    };

    private const string Name = @"[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)[""'`]?";

    private const string Kinds = @"pods?|deployments?|deploy|statefulsets?|sts|daemonsets?|ds|jobs?|replicasets?|rs|cronjobs?|app";

    private const string InNamespace = @"(?:\s+in\s+(?:the\s+)?(?:namespace\s+)?[""'`]?(?<ns>[a-z0-9][a-z0-9-]{0,62})[""'`]?(?:\s+(?:namespace|ns))?)?";

    [GeneratedRegex(@"\b(?:in|of|from)\s+(?:the\s+)?namespace[:\s]+[""'`]?(?<ns>[a-z0-9][a-z0-9-]{0,62})\b|\bnamespace\s*[:=]\s*[""'`]?(?<ns>[a-z0-9][a-z0-9-]{0,62})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitNamespace();

    [GeneratedRegex(@"\b(?:in|from|of|investigate|check|debug|diagnose|troubleshoot|at)\s+(?:the\s+)?[""'`]?(?<ns>[a-z0-9][a-z0-9-]{0,62})[""'`]?\s+(?:namespace|ns)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceSuffix();

    [GeneratedRegex(@"^\s+in\s+(?:the\s+)?(?:namespace\s+)?[a-z0-9-]+\s+(?:is|are|keeps?|never|have|has|won'?t|can'?t|cannot|stopped)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PodsInSomething();

    [GeneratedRegex(@"(?:^|\s)(?:-n|--namespace)[=\s]+(?<ns>[a-z0-9][a-z0-9-]{0,62})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NamespaceFlag();

    [GeneratedRegex(@"\b(?<ns>[a-z0-9][a-z0-9-]{1,62})\s+pods?\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordBeforePods();

    [GeneratedRegex(@"\b(?:scale|bring)\s+(?:the\s+)?(?:(?<kind>deployment|deploy|statefulset|sts|replicaset|rs)[/\s]+)?[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)[""'`]?(?:\s+(?<kind2>deployment|statefulset|replicaset))?" + InNamespace + @"\s+(?:(?:back\s+)?(?:down|up)\s+)?(?:to|=)\s*(?:(?<n>\d{1,4})|(?:just\s+)?(?:a\s+single|one))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ScalePattern();

    [GeneratedRegex(@"\bwhy\s+(?:is|are|does|do|did|won'?t|will\s+not|can'?t|cannot|isn'?t|aren'?t|doesn'?t|don'?t|has|have|hasn'?t|haven'?t)\s+(?:the\s+|my\s+|our\s+)?(?:(?:" + Kinds + @")[/\s]+)?" + Name + @"(?:\s+(?:" + Kinds + @"))?" + InNamespace, RegexOptions.IgnoreCase)]
    private static partial Regex WhySubject();

    [GeneratedRegex(@"(?:^|[.!?;]\s+)(?:the\s+|my\s+|our\s+)?(?:(?:" + Kinds + @")[/\s]+)?" + Name + @"(?:\s+(?:" + Kinds + @"))?" + InNamespace + @"\s+(?:is|are|keeps?|never|has|have|had|won'?t|will|can'?t|cannot|isn'?t|aren'?t|doesn'?t|don'?t|does|did|fails?|failed|crash\w*|was|were|stopped|went|seems?|looks?|gets?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceSubject();

    [GeneratedRegex(@"\b(?:pod|deployment|deploy|statefulset|sts|daemonset|job)[/\s]+" + Name, RegexOptions.IgnoreCase)]
    private static partial Regex KindThenName();

    [GeneratedRegex(@"\b(fail\w*|crash\w*|broken|unhealthy|not\s+(?:working|running|ready|starting|start|healthy|progressing|coming\s+up)|never\s+(?:starts?|runs?|becomes?|comes?)|(?:won'?t|will\s+not|can'?t|cannot|doesn'?t|does\s+not|don'?t|isn'?t|aren'?t)\s+(?:start|run|work|come\s+up|become\s+ready|be\s+scheduled|get\s+scheduled)|stuck|pending|hang(?:s|ing)?|(?:is|are|went|goes)\s+down|stopped|restart\w*|no\s+traffic|no\s+running|investigate|troubleshoot|debug|diagnos\w*|fix|what'?s\s+wrong|what\s+is\s+wrong|(?:what'?s|what\s+is)\s+going\s+on|what\s+happened|what\s+changed|root\s+cause|why|problems?|errors?|oom\w*|crashloop\w*|imagepull\w*|errimagepull|containercreating|createcontainerconfigerror|evicted|unschedulable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProblemWords();

    [GeneratedRegex(@"\b(restart|fix|repair|recover|heal|bounce|recreate)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RestartWords();

    [GeneratedRegex(@"\b(?:don'?t|do\s+not|without|never)\s+(?:change|changing|touch|touching|modify|modifying|restart|restarting|fix|delete)\s+(?:anything|something|it|them|pods?|the\s+pods?)?\b|\bread[- ]only\b|\bjust\s+(?:diagnose|look|report)", RegexOptions.IgnoreCase)]
    private static partial Regex NoChanges();

    [GeneratedRegex(@"\b(?:describe|show|get|inspect)\s+(?:the\s+)?(?<kind>pod|deployment|deploy|service|svc|node|statefulset|configmap|cm)[/\s]+[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex DescribePattern();

    [GeneratedRegex(@"\b(?:list|show|get|what|which)\b.*?\b(?<kind>pods?|deployments?|deploy|services?|svc|namespaces?|nodes?|events?|statefulsets?|configmaps?|jobs?|helm\s+releases?|releases)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"\b(?:print|show|reveal|display|decode|dump|output|tell\s+me|give\s+me|what\s+is|read\s+out)\b.*\b(?:password|passwd|passphrase|token|api[\s_-]?key|private\s+key|credentials?\s+value|secret\s+values?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValuePattern();

    [GeneratedRegex(@"\bsecret\s+[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)|[""'`]?(?<name>[a-z0-9][a-z0-9.-]*)[""'`]?(?=\s+secret\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\b(?:most|highest|top|biggest|largest|heaviest)\b.{0,40}?\b(?<resource>memory|cpu|ram)\b|\b(?<resource>memory|cpu|ram)\s+(?:usage|use|consumption|hog)", RegexOptions.IgnoreCase)]
    private static partial Regex UsagePattern();
}
