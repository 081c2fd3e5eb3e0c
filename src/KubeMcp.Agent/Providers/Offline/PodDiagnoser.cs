using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// Names the likely cause of an unhealthy pod from its status, its YAML, its log and its events, and whether a
/// restart can help. Rules, not judgement: when nothing matches it says so.
/// </summary>
internal static partial class PodDiagnoser
{
    private static readonly string[] ImageReasons = ["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"];
    private static readonly string[] ConfigReasons = ["CreateContainerConfigError", "CreateContainerError"];
    private static readonly string[] CrashReasons = ["CrashLoopBackOff", "Error", "RunContainerError", "Unknown"];

    public static PodDiagnosis Diagnose(PodRow pod, string? yaml, string? log, IReadOnlyList<EventRow> events)
    {
        var own = events.Where(e => e.IsAbout(pod)).ToList();
        var owner = Owner(yaml);
        var status = pod.Status;

        if (ImageReasons.Contains(status, StringComparer.OrdinalIgnoreCase) || own.Any(e => e.Reason is "Failed" && e.Message.Contains("pull", StringComparison.OrdinalIgnoreCase)))
        {
            var evidence = Ev(own.FirstOrDefault(e => e.Message.Contains("Failed to pull", StringComparison.OrdinalIgnoreCase)))
                ?? Ev(own.FirstOrDefault(e => e.Reason is "Failed" or "BackOff" or "ErrImagePull" or "InspectFailed"))
                ?? $"status: {status}" + (Image(yaml) is { } image ? $", image {image}" : "");
            return new PodDiagnosis(pod, PodCause.BadImage, "the image cannot be pulled (wrong image name or tag, or no access to the registry)",
                evidence, false, "fix the image reference in the pod's controller (e.g. kubectl set image), then the pods roll out by themselves", owner);
        }

        if (status.Equals("OOMKilled", StringComparison.OrdinalIgnoreCase) || (yaml is not null && OomKilled().IsMatch(yaml))
            || own.Any(e => e.Message.Contains("OOMKilled", StringComparison.Ordinal)))
        {
            var evidence = Ev(own.FirstOrDefault(e => e.Message.Contains("OOM", StringComparison.Ordinal)))
                ?? (yaml is not null && OomKilled().IsMatch(yaml) ? "pod: last state terminated, reason OOMKilled" : $"status: {status}");
            return new PodDiagnosis(pod, PodCause.OutOfMemory, "the container exceeds its memory limit and is killed (OOMKilled)",
                evidence, false, "raise the container's memory limit or reduce the application's memory use", owner);
        }

        if (ConfigReasons.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            var evidence = Ev(own.FirstOrDefault(e => e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase)))
                ?? (NotFoundLine(yaml) is { } nf ? "pod: " + nf : $"status: {status}");
            return new PodDiagnosis(pod, PodCause.MissingConfigObject, "a ConfigMap or Secret the pod needs does not exist",
                evidence, false, "create the missing ConfigMap/Secret (or fix the reference in the pod spec)", owner);
        }

        if (status.Equals("Pending", StringComparison.OrdinalIgnoreCase))
        {
            var scheduling = own.FirstOrDefault(e => e.Reason == "FailedScheduling");
            return scheduling is not null
                ? new PodDiagnosis(pod, PodCause.Unschedulable, "no node can run the pod (not enough capacity, or constraints no node meets)",
                    Ev(scheduling)!, false, "add node capacity or lower the pod's resource requests / relax its node constraints", owner)
                : new PodDiagnosis(pod, PodCause.Unknown, "the pod is Pending and no event says why",
                    "status: Pending", false, "check the pod's events and its node assignment", owner);
        }

        if (CrashReasons.Contains(status, StringComparer.OrdinalIgnoreCase) || pod.Restarts > 0)
        {
            var line = EvidenceLine(log);
            if (line is null)
            {
                return new PodDiagnosis(pod, PodCause.ApplicationError, "the container keeps exiting; its log was empty or unavailable",
                    Ev(own.FirstOrDefault(e => e.Reason == "BackOff")) ?? $"status: {status}, {pod.Restarts} restarts",
                    true, "look at the application's start-up (its log was empty)", owner);
            }

            if (MissingConfig().IsMatch(line))
            {
                return new PodDiagnosis(pod, PodCause.MissingConfiguration, "the application exits at start-up because required configuration is missing",
                    "log: " + line, false, "provide the missing setting (environment variable, ConfigMap or Secret) in the pod's controller; a restart alone will crash again", owner);
            }

            if (Dependency().IsMatch(line))
            {
                return new PodDiagnosis(pod, PodCause.DependencyUnavailable, "the application crashes because a service it depends on was unreachable",
                    "log: " + line, true, "check the dependency it cannot reach (database, queue, another service)", owner);
            }

            return new PodDiagnosis(pod, PodCause.ApplicationError, "the application crashes with an error",
                "log: " + line, true, "the application needs a fix (see the log line)", owner);
        }

        return new PodDiagnosis(pod, PodCause.NotReady, "containers are running but not ready (a failing readiness probe or a slow start)",
            Ev(own.FirstOrDefault(e => e.Reason == "Unhealthy")) ?? $"ready: {pod.Ready}", false,
            "check the readiness probe and the application's health endpoint", owner);
    }

    private static string? Ev(EventRow? e) => e is null ? null : $"event {e.Reason}: {e.Message}";

    /// <summary>The controlling owner from YAML or JSON metadata, as <c>Kind/name</c>.</summary>
    internal static string? Owner(string? yaml)
    {
        if (yaml is null)
        {
            return null;
        }

        var at = yaml.IndexOf("ownerReferences", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var block = yaml.Substring(at, Math.Min(800, yaml.Length - at));
        var kind = OwnerKind().Match(block);
        var name = OwnerName().Match(block);
        return kind.Success ? kind.Groups[1].Value + (name.Success ? "/" + name.Groups[1].Value : "") : null;
    }

    private static string? Image(string? yaml) => yaml is null ? null : ImageLine().Match(yaml) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? NotFoundLine(string? yaml) =>
        yaml?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("not found", StringComparison.OrdinalIgnoreCase)) is { } line
            ? line.StartsWith("message:", StringComparison.Ordinal) ? line["message:".Length..].Trim().Trim('"') : line
            : null;

    /// <summary>The last log line that reads like an error, else the last line.</summary>
    internal static string? EvidenceLine(string? log)
    {
        var lines = (log ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('[')).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var line = lines.LastOrDefault(l => ErrorWords().IsMatch(l)) ?? lines[^1];
        return line.Length <= 200 ? line : line[..199] + "…";
    }

    [GeneratedRegex(@"reason:\s*""?OOMKilled|""reason""\s*:\s*""OOMKilled""")]
    private static partial Regex OomKilled();

    [GeneratedRegex(@"\b(error|exception|fatal|panic|failed|failure|refused|cannot|can't|unable|missing|not set|denied|killed|traceback)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWords();

    [GeneratedRegex(@"(not set|missing|is required|must (be )?(set|specify|provide)|must specify|no such file|not found|undefined).*\b(env|environment|variable|config|configuration|secret|key|setting|password|file)|\b(env|environment variable|variable|config|configuration|secret|setting|password)\b.*\b(not set|missing|is required|required|not found|undefined|empty)", RegexOptions.IgnoreCase)]
    private static partial Regex MissingConfig();

    [GeneratedRegex(@"connection refused|ECONNREFUSED|timed? ?out|unreachable|no route to host|dial tcp|could not connect|couldn't connect|unable to connect|failed to connect|service unavailable|ENOTFOUND|name resolution|temporary failure", RegexOptions.IgnoreCase)]
    private static partial Regex Dependency();

    [GeneratedRegex(@"kind[""']?\s*:\s*[""']?(ReplicaSet|StatefulSet|DaemonSet|Job|ReplicationController|CronJob|Deployment|[A-Z][A-Za-z]+)")]
    private static partial Regex OwnerKind();

    [GeneratedRegex(@"\bname[""']?\s*:\s*[""']?([a-z0-9][a-z0-9.-]*)")]
    private static partial Regex OwnerName();

    [GeneratedRegex(@"\bimage[""']?\s*:\s*[""']?([^\s""',]+)")]
    private static partial Regex ImageLine();
}
