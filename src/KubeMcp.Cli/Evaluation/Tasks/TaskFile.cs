using System.Text.RegularExpressions;
using KubeMcp.Cluster.Scenarios;
using YamlDotNet.RepresentationModel;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>
/// Reads a task folder's <c>task.yaml</c> (format in docs/evaluation.md). k8s-bench's keys are accepted as well —
/// <c>script: [{prompt}]</c>, <c>setup: setup.sh</c>, <c>verifier</c>, <c>cleanup</c>, <c>expect: [{contains}]</c>,
/// <c>disabled</c> — so its tasks run with few changes.
/// </summary>
internal static partial class TaskFile
{
    public const string FileName = "task.yaml";

    public static readonly IReadOnlyList<string> Categories = ["diagnosis", "fix", "helm", "investigation", "safety", "general"];

    private static readonly string[] TopLevelKeys =
    [
        "id", "prompt", "script", "category", "difficulty", "expected", "expect", "tags", "scenario", "setup", "limits",
        "policy", "forbidden", "verify", "verifier", "cleanup", "disabled",
    ];

    /// <summary>Reads <c>DIRECTORY/task.yaml</c>.</summary>
    public static EvalTask Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        var path = Path.Combine(full, FileName);
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TaskFormatException($"cannot read {path}: {e.Message}", e);
        }
        return Parse(yaml, full, path);
    }

    /// <summary>Parses task YAML; relative paths resolve against <paramref name="directory"/>; <paramref name="source"/> names it in errors.</summary>
    public static EvalTask Parse(string yaml, string directory, string source)
    {
        var map = YamlMap.Parse(yaml, source);
        map.RejectUnknown(TopLevelKeys);
        var dir = Path.GetFullPath(directory);
        var id = map.String("id") ?? Path.GetFileName(dir.TrimEnd(Path.DirectorySeparatorChar));
        if (!IdPattern().IsMatch(id))
        {
            throw map.Error($"the task id '{id}' must be lowercase letters, digits and dashes (it names result files)");
        }
        var category = map.String("category") ?? "general";
        if (!Categories.Contains(category))
        {
            throw map.Error($"category '{category}' is not one of {string.Join(", ", Categories)}");
        }
        var task = new EvalTask
        {
            Id = id,
            Directory = dir,
            Prompt = Prompt(map),
            Category = category,
            Difficulty = map.String("difficulty") switch
            {
                null or "medium" => TaskDifficulty.Medium,
                "easy" => TaskDifficulty.Easy,
                "hard" => TaskDifficulty.Hard,
                var d => throw map.Error($"difficulty '{d}' must be easy, medium or hard"),
            },
            Expected = map.String("expected"),
            Tags = map.Strings("tags"),
            Setup = Setup(map, dir),
            Limits = Limits(map.Map("limits")),
            Policy = PolicySection.Parse(map.Map("policy"), dir),
            Forbidden = PolicySection.Forbidden(map),
            Verify = VerifySection.Parse(map, dir),
            CleanupScript = OptionalFile(map, "cleanup", dir, "cleanup.sh"),
            ModelScript = File.Exists(Path.Combine(dir, "script.jsonl")) ? Path.Combine(dir, "script.jsonl") : null,
            Disabled = map.Bool("disabled") ?? false,
        };
        if (task.Verify.IsEmpty)
        {
            throw map.Error("the task has no verification: give verify.state, verify.answer or verify.script (or a verify.sh next to task.yaml)");
        }
        return task;
    }

    private static string Prompt(YamlMap map)
    {
        if (map.String("prompt") is { } prompt && !string.IsNullOrWhiteSpace(prompt))
        {
            if (map.Has("script"))
            {
                throw map.Error("give the prompt either as prompt: or as k8s-bench's script: [{prompt: …}], not both");
            }
            return prompt.Trim();
        }
        var steps = map.List("script").Select((n, i) => map.Item(n, "script", i)).ToList();
        if (steps.Count == 0)
        {
            throw map.Error("'prompt' is required: what the agent is asked to do");
        }
        if (steps.Count > 1)
        {
            throw map.Error("script: has more than one step; multi-turn tasks are not supported, give one prompt");
        }
        steps[0].RejectUnknown("prompt");
        return steps[0].RequiredString("prompt").Trim();
    }

    private static TaskSetup Setup(YamlMap map, string dir)
    {
        var scenario = map.String("scenario") is { } name ? Scenario(map, name, dir) : null;
        YamlMap? setup = null;
        string? script;
        if (map.IsMapping("setup") && map.Map("setup") is { } m)
        {
            setup = m;
            setup.RejectUnknown("manifests", "script", "settle");
            script = OptionalFile(setup, "script", dir, "setup.sh");
        }
        else
        {
            // k8s-bench: setup: "setup.sh"
            script = OptionalFile(map, "setup", dir, "setup.sh");
        }
        var manifests = setup is not null && setup.Has("manifests") ? Manifests(setup, dir) : DefaultManifests(dir);
        return new TaskSetup
        {
            Scenario = scenario,
            Manifests = manifests,
            Script = script,
            Settle = setup?.Duration("settle") ?? new TaskSetup().Settle,
        };
    }

    private static string Scenario(YamlMap map, string name, string dir)
    {
        if (ScenarioLoader.BuiltIn().Any(s => s.Name == name))
        {
            return name;
        }
        var path = Inside(map, dir, name, "scenario");
        return File.Exists(path)
            ? path
            : throw map.Error($"scenario '{name}' is neither a built-in scenario ({string.Join(", ", ScenarioLoader.BuiltIn().Select(s => s.Name))}) nor a file in the task folder");
    }

    private static List<ManifestStep> Manifests(YamlMap setup, string dir)
    {
        var steps = new List<ManifestStep>();
        var items = setup.List("manifests");
        for (var i = 0; i < items.Count; i++)
        {
            string file;
            var advance = TimeSpan.Zero;
            if (items[i] is YamlScalarNode { Value: { } value })
            {
                file = value;
            }
            else
            {
                var step = setup.Item(items[i], "manifests", i);
                step.RejectUnknown("apply", "advance");
                file = step.RequiredString("apply");
                advance = step.Duration("advance") ?? TimeSpan.Zero;
            }
            var path = Inside(setup, dir, file, "manifests");
            if (!File.Exists(path))
            {
                throw setup.Error(items[i], $"setup manifest '{file}' does not exist in the task folder");
            }
            steps.Add(new ManifestStep(path, advance));
        }
        return steps;
    }

    private static List<ManifestStep> DefaultManifests(string dir)
    {
        var setupDir = Path.Combine(dir, "setup");
        return Directory.Exists(setupDir)
            ? [.. Directory.EnumerateFiles(setupDir)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(f => new ManifestStep(f, TimeSpan.Zero))]
            : [];
    }

    private static TaskLimits Limits(YamlMap? limits)
    {
        var defaults = new TaskLimits();
        if (limits is null)
        {
            return defaults;
        }
        limits.RejectUnknown("maxSteps", "maxTokens", "time", "wallTime");
        return new TaskLimits
        {
            MaxSteps = (int)(limits.Long("maxSteps", min: 1) is { } s ? Math.Min(s, 1000) : defaults.MaxSteps),
            MaxTokens = limits.Long("maxTokens", min: 1) ?? defaults.MaxTokens,
            Time = limits.Duration("time") ?? defaults.Time,
            WallTime = limits.Duration("wallTime") ?? defaults.WallTime,
        };
    }

    /// <summary>A script named by <paramref name="key"/> (must exist), else <paramref name="conventional"/> if present.</summary>
    internal static string? OptionalFile(YamlMap map, string key, string dir, string conventional)
    {
        if (map.String(key) is { Length: > 0 } file)
        {
            var path = Inside(map, dir, file, key);
            return File.Exists(path) ? path : throw map.Error($"'{key}' names {file}, which does not exist in the task folder");
        }
        var fallback = Path.Combine(dir, conventional);
        return File.Exists(fallback) ? fallback : null;
    }

    /// <summary>Resolves a path in the task folder; paths leading out of it are refused so tasks stay self-contained.</summary>
    internal static string Inside(YamlMap map, string dir, string relative, string key)
    {
        var path = Path.GetFullPath(Path.Combine(dir, relative));
        var root = dir.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) || path == dir
            ? path
            : throw map.Error($"'{key}' names {relative}, which is outside the task folder");
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,80}[a-z0-9])?$")]
    private static partial Regex IdPattern();
}
