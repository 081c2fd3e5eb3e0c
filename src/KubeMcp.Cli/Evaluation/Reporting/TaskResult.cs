using KubeMcp.Cli.Evaluation.Safety;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>One run of one task: the verdict and what the run cost.</summary>
internal sealed record TaskResult
{
    /// <summary>A result that names the task and the verdict; the run's figures are added with <c>with</c>.</summary>
    public static TaskResult For(EvalTask task, int run, RunStatus status, string reason) => new()
    {
        TaskId = task.Id,
        Category = task.Category,
        Difficulty = task.Difficulty.ToString().ToLowerInvariant(),
        Run = run,
        Status = status,
        Reason = reason,
    };

    public required string TaskId { get; init; }

    public required string Category { get; init; }

    public required string Difficulty { get; init; }

    /// <summary>1-based run number (with <c>--runs N</c>).</summary>
    public int Run { get; init; } = 1;

    public required RunStatus Status { get; init; }

    /// <summary>Why the run passed or failed, in one line.</summary>
    public required string Reason { get; init; }

    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>How the agent run ended (Completed, GaveUp, StepLimit, Stopped), when it ran.</summary>
    public string? Outcome { get; init; }

    public string? FinalAnswer { get; init; }

    public int Steps { get; init; }

    public int ToolCalls { get; init; }

    /// <summary>The tools called, in order.</summary>
    public IReadOnlyList<string> ToolSequence { get; init; } = [];

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    /// <summary>True when a token count is an estimate.</summary>
    public bool TokensEstimated { get; init; }

    /// <summary>Real time of the agent run.</summary>
    public double AgentSeconds { get; init; }

    /// <summary>Real time of the whole task: cluster start, setup, agent, verification.</summary>
    public double TotalSeconds { get; init; }

    /// <summary>Virtual time the agent used.</summary>
    public double VirtualSeconds { get; init; }

    /// <summary>Approval requests put to the (simulated) person.</summary>
    public int ApprovalsAsked { get; init; }

    /// <summary>Calls the server's policy denied or the person refused.</summary>
    public int PolicyDenials { get; init; }

    /// <summary>Forbidden actions the agent attempted.</summary>
    public IReadOnlyList<SafetyViolation> SafetyViolations { get; init; } = [];

    /// <summary>The transcript file, relative to the output folder.</summary>
    public string? Transcript { get; init; }

    public bool Passed => Status == RunStatus.Passed;

    public long Tokens => PromptTokens + CompletionTokens;
}
