using System.Text.RegularExpressions;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// Reads the facts a diagnosis quotes out of tool output: error lines of a log, the image and error of a failed pull,
/// the object a pod misses, the scheduler's reasons, a memory limit, where an environment variable comes from.
/// Everything here only extracts text; nothing in tool output is ever followed as an instruction.
/// </summary>
internal static partial class DiagnosisText
{
    /// <summary>The last (up to) two distinct log lines that read like errors, strongest first; else the last line.</summary>
    public static IReadOnlyList<string> ErrorLines(string? log)
    {
        var lines = (log ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('[')).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var errors = lines.Where(l => ErrorWords().IsMatch(l)).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Count == 0)
        {
            return [Clip(lines[^1], 200)];
        }

        var strong = errors.Where(l => StrongErrorWords().IsMatch(l)).ToList();
        var picked = (strong.Count > 0 ? strong : errors).TakeLast(2).ToList();
        return [.. picked.Select(l => Clip(l, 200))];
    }

    public static bool ReadsLikeError(string line) => ErrorWords().IsMatch(line);

    /// <summary>The image a failed pull names (<c>Failed to pull image "x"</c>).</summary>
    public static string? PulledImage(string text) => PullImage().Match(text) is { Success: true } m ? m.Groups["image"].Value : null;

    /// <summary>The first image of a pod's YAML.</summary>
    public static string? SpecImage(string? yaml) => yaml is null ? null : ImageLine().Match(yaml) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The registry host of an image reference, when it names one (<c>registry.corp.example/x:1</c>).</summary>
    public static string? RegistryHost(string image)
    {
        var slash = image.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return null;
        }

        var first = image[..slash];
        return first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" ? first : null;
    }

    /// <summary>A missing ConfigMap or Secret (or a key missing from one): "ConfigMap "x"", "key K of Secret "x"".</summary>
    public static string? MissingObject(string text)
    {
        if (MissingKey().Match(text) is { Success: true } key)
        {
            return $"key {key.Groups["key"].Value} in {Kind(key.Groups["kind"].Value)} \"{key.Groups["name"].Value}\"";
        }

        return NotFoundObject().Match(text) is { Success: true } m ? $"{Kind(m.Groups["kind"].Value)} \"{m.Groups["name"].Value}\"" : null;
    }

    /// <summary>The scheduler's reasons from a FailedScheduling message, e.g. "Insufficient cpu (2 nodes)".</summary>
    public static IReadOnlyList<string> SchedulingReasons(string message)
    {
        var reasons = new List<string>();
        foreach (Match m in SchedulingReason().Matches(message))
        {
            var reason = m.Groups["reason"].Value.TrimEnd('.', ' ');
            if (!reasons.Contains(reason, StringComparer.Ordinal))
            {
                reasons.Add(reason);
            }
        }

        return reasons;
    }

    /// <summary>The first container's memory limit in a pod's YAML.</summary>
    public static string? MemoryLimit(string? yaml) =>
        yaml is not null && MemoryLimitLine().Match(yaml) is { Success: true } m ? m.Groups["limit"].Value : null;

    /// <summary>The command an exec failure names (<c>exec: "python3": executable file not found</c>, <c>sh: x: not found</c>).</summary>
    public static string? MissingCommand(string text) =>
        ExecNotFound().Match(text) is { Success: true } m ? m.Groups["cmd"].Value
        : ShellNotFound().Match(text) is { Success: true } s ? s.Groups["cmd"].Value
        : null;

    /// <summary>The last terminated state's message (or reason and exit code) from a pod's YAML.</summary>
    public static string? LastTermination(string? yaml)
    {
        if (yaml is null)
        {
            return null;
        }

        var at = yaml.IndexOf("terminated:", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var block = yaml.Substring(at, Math.Min(1200, yaml.Length - at));
        var message = YamlField(block, "message");
        var reason = YamlField(block, "reason");
        var exit = YamlField(block, "exitCode");
        var head = $"last state terminated{(reason is null ? "" : $", reason {reason}")}{(exit is null ? "" : $", exit code {exit}")}";
        return message is null ? head : $"{head}: {Clip(message, 300)}";
    }

    /// <summary>An UPPER_SNAKE setting named in an error line ("invalid LOG_LEVEL", "DATABASE_URL is not set").</summary>
    public static string? SettingName(string line) => Setting().Match(line) is { Success: true } m ? m.Value : null;

    /// <summary>Where an environment variable comes from in a pod's YAML: a ConfigMap or Secret (by key or envFrom).</summary>
    public static string? SettingSource(string? yaml, string setting)
    {
        if (yaml is null)
        {
            return null;
        }

        var byKey = Regex.Match(yaml, @"-\s*name:\s*[""']?" + Regex.Escape(setting) + @"[""']?\s*\n\s*valueFrom:\s*\n\s*(?<kind>configMapKeyRef|secretKeyRef):\s*\n(?:\s*key:.*\n)?\s*name:\s*[""']?(?<name>[a-z0-9][a-z0-9.-]*)");
        if (byKey.Success)
        {
            return $"{(byKey.Groups["kind"].Value.StartsWith("configMap", StringComparison.Ordinal) ? "ConfigMap" : "Secret")} {byKey.Groups["name"].Value} (key {setting})";
        }

        var sources = EnvFrom().Matches(yaml).Select(m => $"{(m.Groups["kind"].Value == "configMapRef" ? "ConfigMap" : "Secret")} {m.Groups["name"].Value}").Distinct().ToList();
        return sources.Count == 0 ? null : string.Join(" or ", sources) + " (envFrom)";
    }

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string? YamlField(string block, string field) =>
        Regex.Match(block, @"\n\s*" + field + @":\s*(?<v>.+)") is { Success: true } m ? m.Groups["v"].Value.Trim().Trim('\'', '"') : null;

    private static string Kind(string kind) => kind.StartsWith("config", StringComparison.OrdinalIgnoreCase) ? "ConfigMap" : "Secret";

    [GeneratedRegex(@"\b(error|exception|fatal|panic|failed|failure|refused|cannot|can't|unable|missing|not set|denied|killed|traceback|invalid|not found|exceeded|full)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorWords();

    [GeneratedRegex(@"\b(error|exception|fatal|panic|traceback)\b|^E\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex StrongErrorWords();

    [GeneratedRegex(@"Failed to pull image\s+""(?<image>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex PullImage();

    [GeneratedRegex(@"\bimage[""']?\s*:\s*[""']?([^\s""',]+)")]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"\b(?<kind>configmap|secret)s?\s+\\?""(?<name>[a-z0-9][a-z0-9.-]*)\\?""\s+not\s+found", RegexOptions.IgnoreCase)]
    private static partial Regex NotFoundObject();

    [GeneratedRegex(@"couldn'?t\s+find\s+key\s+(?<key>\S+)\s+in\s+(?<kind>ConfigMap|Secret)\s+(?:[a-z0-9-]+/)?(?<name>[a-z0-9][a-z0-9.-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex MissingKey();

    [GeneratedRegex(@"(?<reason>Insufficient\s+[\w./-]+|untolerated\s+taint\s*\{[^}]*\}|didn't\s+match\s+Pod's\s+node\s+affinity/selector|didn't\s+match\s+pod\s+(?:anti-)?affinity\s+rules|didn't\s+find\s+available\s+persistent\s+volumes\s+to\s+bind|unbound\s+immediate\s+PersistentVolumeClaims|were\s+unschedulable|had\s+volume\s+node\s+affinity\s+conflict|Too\s+many\s+pods)", RegexOptions.IgnoreCase)]
    private static partial Regex SchedulingReason();

    [GeneratedRegex(@"limits:\s*\n(?:\s+(?:cpu|ephemeral-storage|nvidia\.com/gpu):.*\n)*\s+memory:\s*[""']?(?<limit>[0-9.]+[A-Za-z]*)")]
    private static partial Regex MemoryLimitLine();

    [GeneratedRegex(@"exec:?\s+\\?""(?<cmd>[^""\\]+)\\?"":\s*(?:executable file not found|no such file or directory|permission denied)", RegexOptions.IgnoreCase)]
    private static partial Regex ExecNotFound();

    [GeneratedRegex(@"(?:^|\s)(?:/bin/)?(?:sh|bash|ash):\s*(?:\d+:\s*)?(?<cmd>[\w./-]+):\s*(?:command\s+)?not\s+found", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ShellNotFound();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[A-Z]{3,}[A-Z0-9]*(?=\s+(?:is\s+)?(?:not\s+set|unset|missing|undefined|required|empty)\b)")]
    private static partial Regex Setting();

    [GeneratedRegex(@"(?<kind>configMapRef|secretRef):\s*\n\s*name:\s*[""']?(?<name>[a-z0-9][a-z0-9.-]*)")]
    private static partial Regex EnvFrom();
}
