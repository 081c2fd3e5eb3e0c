namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>
/// How a run is judged: declarative assertions over the cluster (which must all hold at one moment within
/// <see cref="Within"/> of virtual time after the agent finished) and over the agent's answer, and/or a script that
/// exits 0 on success (k8s-bench's verify.sh).
/// </summary>
internal sealed class TaskVerification
{
    /// <summary>Virtual time allowed for the state assertions to come true (the clock is advanced in steps).</summary>
    public TimeSpan Within { get; init; }

    /// <summary>Assertions over the cluster's state.</summary>
    public IReadOnlyList<StateAssertion> State { get; init; } = [];

    /// <summary>Assertions over the final answer.</summary>
    public AnswerAssertion? Answer { get; init; }

    /// <summary>A verification script (absolute path).</summary>
    public string? Script { get; init; }

    /// <summary>Whether anything is checked at all.</summary>
    public bool IsEmpty => State.Count == 0 && Answer is null && Script is null;
}
