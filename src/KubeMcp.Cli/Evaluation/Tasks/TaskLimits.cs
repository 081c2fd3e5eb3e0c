namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>Budgets for one run of the agent; exceeding one fails the task.</summary>
internal sealed class TaskLimits
{
    /// <summary>Most model calls.</summary>
    public int MaxSteps { get; init; } = 15;

    /// <summary>Most prompt + completion tokens over the run.</summary>
    public long MaxTokens { get; init; } = 200_000;

    /// <summary>Most virtual time the agent may take (the clock moves with every tool call).</summary>
    public TimeSpan Time { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Most real time the agent may take (a guard against a stuck model server).</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromMinutes(10);
}
