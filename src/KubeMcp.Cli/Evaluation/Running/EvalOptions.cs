using KubeMcp.Agent.Providers;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>How <c>kubemcp eval</c> runs.</summary>
internal sealed class EvalOptions
{
    /// <summary>The suite folder.</summary>
    public required string Suite { get; init; }

    /// <summary>Task ids (globs) to run; all when empty.</summary>
    public IReadOnlyList<string> Tasks { get; init; } = [];

    public EvalBackendKind Backend { get; init; } = EvalBackendKind.Offline;

    /// <summary>The model server, for <see cref="EvalBackendKind.Model"/>.</summary>
    public ModelBackendOptions Model { get; init; } = new();

    /// <summary>Runs per task (pass@k style repetitions).</summary>
    public int Runs { get; init; } = 1;

    /// <summary>Tasks run at once, each on its own cluster.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Where results, reports and transcripts go.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>A previous results.json to compare with.</summary>
    public string? Baseline { get; init; }

    /// <summary>The helm binary (helm_install and scripts); found automatically when null.</summary>
    public string? HelmPath { get; init; }

    /// <summary>Virtual time that passes after each tool call.</summary>
    public TimeSpan Tick { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The back-end's name in reports: offline, scripted, triton, openai.</summary>
    public string BackendName => Backend switch
    {
        EvalBackendKind.Offline => "offline",
        EvalBackendKind.Scripted => "scripted",
        _ => Model.Provider switch
        {
            ModelProvider.Triton => "triton",
            ModelProvider.OpenAI => "openai",
            _ => "model",
        },
    };
}
