namespace KubeMcp.Agent.Loop;

/// <summary>How an agent run ended.</summary>
public enum AgentOutcome
{
    /// <summary>The model gave a final answer.</summary>
    Completed,

    /// <summary>The model (or the back-end) said it cannot do the task, or the model back-end kept failing.</summary>
    GaveUp,

    /// <summary>The step limit was reached before a final answer.</summary>
    StepLimit,

    /// <summary>The loop stopped the run: repeated identical calls, token budget spent, or cancellation.</summary>
    Stopped,
}
