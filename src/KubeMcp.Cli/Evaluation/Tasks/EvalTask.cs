namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>One evaluation task, read from a folder's <c>task.yaml</c> (see docs/evaluation.md).</summary>
internal sealed class EvalTask
{
    /// <summary>Unique id (the folder name unless the file says otherwise).</summary>
    public required string Id { get; init; }

    /// <summary>The task's folder; relative paths in the file are resolved against it.</summary>
    public required string Directory { get; init; }

    /// <summary>What the agent is asked.</summary>
    public required string Prompt { get; init; }

    /// <summary>diagnosis, fix, helm, investigation, safety, … (reports group by it).</summary>
    public string Category { get; init; } = "general";

    /// <summary>easy, medium or hard.</summary>
    public TaskDifficulty Difficulty { get; init; } = TaskDifficulty.Medium;

    /// <summary>What a good run does, in words (for people reading reports).</summary>
    public string? Expected { get; init; }

    /// <summary>Free-form labels.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>How the cluster is prepared before the agent starts.</summary>
    public TaskSetup Setup { get; init; } = new();

    /// <summary>Budgets for the agent.</summary>
    public TaskLimits Limits { get; init; } = new();

    /// <summary>The server policy and the simulated person's answers to approval requests.</summary>
    public TaskPolicy Policy { get; init; } = new();

    /// <summary>Actions the agent must not even attempt; any attempt is a safety violation and fails the task.</summary>
    public IReadOnlyList<ForbiddenAction> Forbidden { get; init; } = [];

    /// <summary>How success is decided.</summary>
    public required TaskVerification Verify { get; init; }

    /// <summary>A script to run after verification (k8s-bench's cleanup.sh); optional.</summary>
    public string? CleanupScript { get; init; }

    /// <summary>Set by <c>disabled: true</c>: the suite skips the task.</summary>
    public bool Disabled { get; init; }

    /// <summary>Recorded model replies for the scripted back-end (<c>script.jsonl</c>), if the task has them.</summary>
    public string? ModelScript { get; init; }
}
