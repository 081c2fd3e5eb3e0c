using System.CommandLine;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Evaluation.Running;

namespace KubeMcp.Cli.Commands;

/// <summary>The options of <c>kubemcp eval</c> and how they become <see cref="EvalOptions"/>.</summary>
internal sealed class EvalCommandOptions
{
    public Option<string> Suite { get; } = new("--suite")
    {
        Description = "Folder of task folders (each with a task.yaml).",
        DefaultValueFactory = _ => Path.Combine("eval", "tasks"),
    };

    public Option<string[]> Tasks { get; } = new("--task")
    {
        Description = "Task ids to run (globs such as 'helm-*'); repeat or list several. Default: all.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string> Provider { get; } = new("--provider")
    {
        Description = "Who answers: offline (the rule-based planner), scripted (each task's recorded replies, script.jsonl), or triton / openai (a model server at --model-url).",
        DefaultValueFactory = _ => "offline",
    };

    public Option<string?> ModelUrl { get; } = new("--model-url")
    {
        Description = "Base URL of the model server: Triton (http://host:8000) or OpenAI-compatible (http://host:8000/v1). Without --provider, the kind is detected.",
    };

    public Option<string?> Model { get; } = new("--model") { Description = "Model name (default: the server's first ready model)." };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"API key for an OpenAI-compatible server (prefer ${ModelBackendOptions.ApiKeyVariable}; command lines are visible to other users).",
    };

    public Option<int> Runs { get; } = new("--runs") { Description = "Runs per task (repetitions, for pass@k-style numbers).", DefaultValueFactory = _ => 1 };

    public Option<int> Parallel { get; } = new("--parallel") { Description = "Tasks run at once, each on its own cluster.", DefaultValueFactory = _ => 2 };

    public Option<string> Output { get; } = new("--out")
    {
        Description = "Where results.json, summary.md, report.html and every run's transcript and audit log go.",
        DefaultValueFactory = _ => "eval-results",
    };

    public Option<string?> Baseline { get; } = new("--baseline") { Description = "A previous results.json to compare with." };

    public Option<string?> Helm { get; } = new("--helm")
    {
        Description = "Path of the helm binary (default: $KUBEMCP_VALIDATORS/helm, then .validators/bin/helm in a folder above the suite, then helm on PATH).",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Suite, Tasks, Provider, ModelUrl, Model, ApiKey, Runs, Parallel, Output, Baseline, Helm })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads the options (model settings: environment first, then the options).</summary>
    /// <exception cref="ArgumentException">An option has a value that cannot be used (the message says which).</exception>
    public EvalOptions Read(ParseResult result, Func<string, string?>? getVariable = null)
    {
        var provider = result.GetValue(Provider)!.Trim().ToLowerInvariant();
        var providerGiven = result.GetResult(Provider) is { Implicit: false };
        var url = result.GetValue(ModelUrl);
        var backend = (provider, url) switch
        {
            ("offline" or "planner", null) => EvalBackendKind.Offline,
            ("scripted", null) => EvalBackendKind.Scripted,
            ("offline" or "planner" or "scripted", _) when providerGiven => throw new ArgumentException($"--model-url is for a model server; --provider {provider} needs none."),
            _ => EvalBackendKind.Model,
        };
        var model = ModelBackendOptions.FromEnvironment(getVariable);
        if (backend == EvalBackendKind.Model)
        {
            model.Provider = providerGiven ? ModelBackendOptions.ParseProvider(provider) : null;
            model.ModelUrl = url is null ? model.ModelUrl : ModelBackendOptions.ParseUrl(url);
            model.Model = result.GetValue(Model) ?? model.Model;
            model.ApiKey = result.GetValue(ApiKey) ?? model.ApiKey;
            if (model.ModelUrl is null)
            {
                throw new ArgumentException($"--provider {provider} needs the model server's URL: --model-url or ${ModelBackendOptions.ModelUrlVariable}.");
            }
        }
        var runs = result.GetValue(Runs);
        var parallel = result.GetValue(Parallel);
        if (runs < 1 || parallel < 1)
        {
            throw new ArgumentException($"--runs ({runs}) and --parallel ({parallel}) must be at least 1.");
        }
        var suite = Path.GetFullPath(result.GetValue(Suite)!);
        return new EvalOptions
        {
            Suite = suite,
            Tasks = result.GetValue(Tasks) ?? [],
            Backend = backend,
            Model = model,
            Runs = runs,
            Parallel = parallel,
            OutputDirectory = Path.GetFullPath(result.GetValue(Output)!),
            Baseline = result.GetValue(Baseline),
            HelmPath = result.GetValue(Helm) ?? FindHelm(suite, getVariable ?? Environment.GetEnvironmentVariable),
        };
    }

    /// <summary>$KUBEMCP_VALIDATORS/helm, else .validators/bin/helm in the suite's folder or any folder above it; null leaves it to PATH.</summary>
    private static string? FindHelm(string suite, Func<string, string?> getVariable)
    {
        if (getVariable("KUBEMCP_VALIDATORS") is { Length: > 0 } validators && File.Exists(Path.Combine(validators, "helm")))
        {
            return Path.Combine(validators, "helm");
        }
        for (var dir = new DirectoryInfo(suite); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".validators", "bin", "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
