using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// Names the likely cause of an unhealthy pod from its status, its YAML, its log, its events and its node, and
/// whether a restart can help. Rules, not judgement: when nothing matches it says so, and it asks for the pod's YAML
/// or the nodes (<see cref="PodDiagnosis.NeedsPod"/>, <see cref="PodDiagnosis.NeedsNodes"/>) when they could say more.
/// </summary>
internal static partial class PodDiagnoser
{
    private static readonly string[] ImageReasons = ["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"];
    private static readonly string[] ConfigReasons = ["CreateContainerConfigError", "CreateContainerError"];
    private static readonly string[] CrashReasons = ["CrashLoopBackOff", "Error", "RunContainerError", "StartError", "Unknown", "OOMKilled"];

    public static PodDiagnosis Diagnose(PodRow pod, string? yaml, string? log, IReadOnlyList<EventRow> events, IReadOnlyList<NodeRow>? nodes = null)
    {
        var own = events.Where(e => e.IsAbout(pod)).ToList();
        var owner = Owner(yaml);
        var status = pod.Status;
        PodDiagnosis Make(PodCause cause, string summary, string evidence, bool restartHelps, string action, bool needsPod = false, bool needsNodes = false) =>
            new(pod, cause, summary, evidence, restartHelps, action, owner, needsPod && yaml is null, needsNodes && nodes is null);

        if (pod.Node is { } nodeName && nodes?.FirstOrDefault(n => n.Name == nodeName && n.IsNotReady) is { } node)
        {
            return Make(PodCause.NodeNotReady, $"the pod's node {node.Name} is {node.Status}: its kubelet stopped reporting, so the pod cannot run or report its state",
                $"node {node.Name}: STATUS {node.Status}", false,
                $"bring node {node.Name} back (or drain and remove it); the pods are evicted after their not-ready/unreachable tolerations (300s by default) and controllers recreate them elsewhere");
        }

        var pull = own.FirstOrDefault(e => e.Message.Contains("Failed to pull", StringComparison.OrdinalIgnoreCase));
        if (ImageReasons.Contains(status, StringComparer.OrdinalIgnoreCase) || pull is not null)
        {
            var image = (pull is null ? null : DiagnosisText.PulledImage(pull.Message)) ?? DiagnosisText.SpecImage(yaml);
            var evidence = Ev(pull) ?? Ev(own.FirstOrDefault(e => e.Reason is "Failed" or "BackOff" or "ErrImagePull" or "InspectFailed"))
                ?? $"status: {status}" + (image is null ? "" : $", image {image}");
            return Make(PodCause.BadImage, ImageSummary(image, pull?.Message ?? "", status), evidence, false,
                "fix the image reference in the pod's controller (e.g. kubectl set image), then the pods roll out by themselves",
                needsPod: image is null);
        }

        var missing = own.Select(e => DiagnosisText.MissingObject(e.Message) is { } o ? (Object: o, Event: e) : default).FirstOrDefault(x => x.Object is not null);
        var missingInPod = missing.Object is null && yaml is not null ? DiagnosisText.MissingObject(yaml) : null;
        if (ConfigReasons.Contains(status, StringComparer.OrdinalIgnoreCase) || missing.Object is not null || (pod.IsStarting && missingInPod is not null))
        {
            var what = missing.Object ?? missingInPod;
            var evidence = Ev(missing.Event) ?? (NotFoundLine(yaml) is { } nf ? "pod: " + nf : $"status: {status}");
            return what is null
                ? Make(PodCause.MissingConfigObject, "the container cannot be created from its spec (a ConfigMap, Secret or key it needs is probably missing)",
                    evidence, false, "check the ConfigMaps and Secrets the pod spec refers to", needsPod: true)
                : Make(PodCause.MissingConfigObject, $"the pod needs the {what}, which does not exist (not found), so its container cannot start",
                    evidence, false, $"create the missing {what} (or fix the reference in the pod's controller); the pod starts by itself once it exists");
        }

        if (pod.IsStarting && own.FirstOrDefault(e => e.Type == "Warning") is { } stuck)
        {
            return Make(PodCause.Unknown, $"the pod cannot finish starting ({stuck.Reason})", Ev(stuck)!, false, "resolve what the event reports");
        }

        var oomYaml = yaml is not null && OomKilled().IsMatch(yaml);
        if (status.Equals("OOMKilled", StringComparison.OrdinalIgnoreCase) || oomYaml || own.Any(e => e.Message.Contains("OOMKilled", StringComparison.Ordinal)))
        {
            var limit = DiagnosisText.MemoryLimit(yaml);
            var evidence = Ev(own.FirstOrDefault(e => e.Message.Contains("OOM", StringComparison.Ordinal)))
                ?? (oomYaml ? "pod: " + DiagnosisText.LastTermination(yaml) : $"status: {status}");
            return Make(PodCause.OutOfMemory,
                $"the container exceeds its memory limit{(limit is null ? "" : $" of {limit}")} and is killed (OOMKilled, exit code 137)",
                evidence + (limit is null ? "" : $"; resources.limits.memory: {limit}"), false,
                "raise the container's memory limit or reduce the application's memory use", needsPod: limit is null);
        }

        if (status.Equals("Pending", StringComparison.OrdinalIgnoreCase))
        {
            var scheduling = own.FirstOrDefault(e => e.Reason == "FailedScheduling");
            if (scheduling is null)
            {
                return Make(PodCause.Unknown, "the pod is Pending and no event says why", "status: Pending", false,
                    "check the pod's events and its node assignment", needsPod: true, needsNodes: true);
            }

            var reasons = DiagnosisText.SchedulingReasons(scheduling.Message);
            return Make(PodCause.Unschedulable,
                "no node can run the pod (FailedScheduling)" + (reasons.Count == 0 ? "" : ": " + string.Join("; ", reasons)),
                Ev(scheduling)!, false, SchedulingAction(reasons));
        }

        var liveness = own.FirstOrDefault(e => e.Reason == "Unhealthy" && e.Message.Contains("Liveness", StringComparison.OrdinalIgnoreCase));
        if (CrashReasons.Contains(status, StringComparer.OrdinalIgnoreCase) || pod.Restarts > 0)
        {
            return liveness is not null
                ? Make(PodCause.ProbeFailure, "the liveness probe fails, so the kubelet keeps killing and restarting the container", Ev(liveness)!, false,
                    "fix the liveness probe (path, port, timing) or the health endpoint it calls")
                : Crashed(pod, yaml, log, own, Make);
        }

        var readiness = own.FirstOrDefault(e => e.Reason == "Unhealthy");
        if (readiness is not null)
        {
            var port = ProbePort().Match(readiness.Message) is { Success: true } p ? $" (it probes port {p.Groups["port"].Value})" : "";
            return Make(PodCause.ProbeFailure,
                $"the readiness probe fails{port}, so the pod stays not Ready and Services send it no traffic",
                Ev(readiness)!, false, "fix the readiness probe (port, path) or the endpoint it checks; the pod becomes Ready by itself");
        }

        return Make(PodCause.NotReady, "containers are running but not ready (no probe failure or other event explains it)",
            $"ready: {pod.Ready}" + (pod.Node is null ? "" : $", node {pod.Node}"), false,
            "check the pod's readiness probe, its node and the application's health endpoint", needsPod: true, needsNodes: true);
    }

    private delegate PodDiagnosis Maker(PodCause cause, string summary, string evidence, bool restartHelps, string action, bool needsPod = false, bool needsNodes = false);

    private static PodDiagnosis Crashed(PodRow pod, string? yaml, string? log, List<EventRow> own, Maker make)
    {
        var lines = DiagnosisText.ErrorLines(log);
        var logEvidence = lines.Count == 0 ? null : "log: " + string.Join(" | ", lines);
        var termination = DiagnosisText.LastTermination(yaml);
        var all = string.Join('\n', lines.Append(termination ?? "").Concat(own.Select(e => e.Message)));

        if (DiagnosisText.MissingCommand(all) is { } command)
        {
            var evidence = (termination is not null && termination.Contains(command, StringComparison.Ordinal) ? "pod: " + termination : null)
                ?? Ev(own.FirstOrDefault(e => e.Message.Contains(command, StringComparison.Ordinal))) ?? logEvidence!;
            return make(PodCause.BadCommand, $"the container's command \"{command}\" cannot be run: executable file not found in the image",
                evidence, false, $"fix the container's command, or use an image that contains {command}");
        }

        if (lines.Count == 0 || !lines.Any(DiagnosisText.ReadsLikeError))
        {
            return termination is not null
                ? make(PodCause.ApplicationError, "the container keeps exiting and its log shows no error", "pod: " + termination, true,
                    "look at the application's start-up (the log shows no error)")
                : make(PodCause.ApplicationError, "the container keeps exiting; its log shows no error",
                    logEvidence ?? Ev(own.FirstOrDefault(e => e.Reason == "BackOff")) ?? $"status: {pod.Status}, {pod.Restarts} restarts",
                    true, "look at the application's start-up (its log shows no error)", needsPod: true);
        }

        var line = lines.FirstOrDefault(l => MissingConfig().IsMatch(l));
        if (line is not null)
        {
            var setting = DiagnosisText.SettingName(line);
            return make(PodCause.MissingConfiguration,
                $"the application exits at start-up because required configuration{(setting is null ? "" : $" ({setting})")} is missing (not set)",
                logEvidence!, false, "provide the missing setting (environment variable, ConfigMap or Secret) in the pod's controller; a restart alone will crash again");
        }

        line = lines.FirstOrDefault(l => InvalidConfig().IsMatch(l));
        if (line is not null)
        {
            var setting = DiagnosisText.SettingName(line);
            var source = setting is null ? null : DiagnosisText.SettingSource(yaml, setting);
            return make(PodCause.InvalidConfiguration,
                $"the application rejects its configuration{(setting is null ? "" : $": the value of {setting} is invalid")}"
                    + (source is null ? "" : $"; {setting} comes from {source}"),
                logEvidence!, false,
                source is null ? "correct the setting in the pod's configuration" : $"correct {setting} in {source}, then restart the pods (environment is read at start)",
                needsPod: setting is not null);
        }

        if (lines.FirstOrDefault(l => StorageFull().IsMatch(l)) is not null)
        {
            return make(PodCause.StorageFull, "the container's storage is full (disk quota exceeded / no space left), so the application cannot write and exits",
                logEvidence!, false, "enlarge the volume (or its sizeLimit) or free space / fix what fills it");
        }

        if (lines.Any(l => Dependency().IsMatch(l)))
        {
            return make(PodCause.DependencyUnavailable, "the application crashes because a service it depends on was unreachable",
                logEvidence!, true, "check the dependency it cannot reach (database, queue, another service)");
        }

        return make(PodCause.ApplicationError, "the application crashes with an error", logEvidence!, true, "the application needs a fix (see the log line)");
    }

    private static string ImageSummary(string? image, string message, string status)
    {
        var subject = image is null ? "the image" : $"the image {image}";
        if (status.Equals("InvalidImageName", StringComparison.OrdinalIgnoreCase))
        {
            return $"{subject} is not a valid image reference";
        }

        if (Regex.IsMatch(message, @"no such host|lookup\s|i/o timeout|connection refused|network is unreachable", RegexOptions.IgnoreCase))
        {
            var host = image is null ? null : DiagnosisText.RegistryHost(image);
            var why = Regex.Match(message, @"no such host|i/o timeout|connection refused|network is unreachable", RegexOptions.IgnoreCase).Value;
            return $"{subject} cannot be pulled: the registry{(host is null ? "" : $" {host}")} cannot be reached (DNS lookup / connection failed: {why})";
        }

        if (Regex.IsMatch(message, @"denied|unauthorized|authorization failed|forbidden", RegexOptions.IgnoreCase))
        {
            return $"{subject} cannot be pulled: access denied — the repository does not exist or needs credentials (imagePullSecrets)";
        }

        if (Regex.IsMatch(message, @"not found|manifest unknown", RegexOptions.IgnoreCase))
        {
            return $"{subject} does not exist: the registry answers not found (a wrong or misspelt tag or name)";
        }

        return $"{subject} cannot be pulled (wrong image name or tag, or no access to the registry)";
    }

    private static string SchedulingAction(IReadOnlyList<string> reasons)
    {
        var actions = new List<string>();
        if (reasons.Any(r => r.StartsWith("Insufficient", StringComparison.OrdinalIgnoreCase)))
        {
            actions.Add("lower the pod's resource requests or add node capacity");
        }

        if (reasons.Any(r => r.Contains("taint", StringComparison.OrdinalIgnoreCase)))
        {
            actions.Add("add a toleration or remove the taint if the pod belongs on those nodes");
        }

        if (reasons.Any(r => r.Contains("affinity", StringComparison.OrdinalIgnoreCase)))
        {
            actions.Add("fix the pod's nodeSelector/affinity or label a node to match");
        }

        return actions.Count == 0 ? "add node capacity or relax the pod's scheduling constraints" : string.Join("; ", actions);
    }

    private static string? Ev(EventRow? e) => e is null ? null : $"event {e.Reason}: {DiagnosisText.Clip(e.Message, 400)}";

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

    private static string? NotFoundLine(string? yaml) =>
        yaml?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("not found", StringComparison.OrdinalIgnoreCase)) is { } line
            ? line.StartsWith("message:", StringComparison.Ordinal) ? line["message:".Length..].Trim().Trim('"', '\'') : line
            : null;

    [GeneratedRegex(@"reason:\s*""?OOMKilled|""reason""\s*:\s*""OOMKilled""")]
    private static partial Regex OomKilled();

    [GeneratedRegex(@"(not set|missing|is required|must (be )?(set|specify|provide)|must specify|no such file|not found|undefined).*\b(env|environment|variable|config|configuration|secret|key|setting|password|file)|\b(env|environment variable|variable|config|configuration|secret|setting|password)\b.*\b(not set|missing|is required|required|not found|undefined|empty)|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\s+(is\s+)?(not set|unset|missing|undefined|required|empty)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MissingConfig();

    [GeneratedRegex(@"\b(invalid|unknown|unsupported|malformed|bad|illegal)\b[^.;]*\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b[^.;]*\b(is invalid|invalid value|not a valid|must be one of|expected one of)")]
    private static partial Regex InvalidConfig();

    [GeneratedRegex(@"no space left on device|disk quota exceeded|quota exceeded|disk (is )?full|volume [^ ]* ?full|ENOSPC", RegexOptions.IgnoreCase)]
    private static partial Regex StorageFull();

    [GeneratedRegex(@"connection refused|ECONNREFUSED|timed? ?out|unreachable|no route to host|dial tcp|could not connect|couldn't connect|unable to connect|failed to connect|cannot connect|can't connect|service unavailable|ENOTFOUND|name resolution|temporary failure|unavailable after", RegexOptions.IgnoreCase)]
    private static partial Regex Dependency();

    [GeneratedRegex(@"https?://[^/\s""]+:(?<port>\d{1,5})|:(?<port>\d{1,5}):\s*connect", RegexOptions.IgnoreCase)]
    private static partial Regex ProbePort();

    [GeneratedRegex(@"kind[""']?\s*:\s*[""']?(ReplicaSet|StatefulSet|DaemonSet|Job|ReplicationController|CronJob|Deployment|[A-Z][A-Za-z]+)")]
    private static partial Regex OwnerKind();

    [GeneratedRegex(@"\bname[""']?\s*:\s*[""']?([a-z0-9][a-z0-9.-]*)")]
    private static partial Regex OwnerName();
}
