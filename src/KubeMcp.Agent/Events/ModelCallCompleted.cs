namespace KubeMcp.Agent.Events;

/// <summary>The model answered.</summary>
/// <param name="Step">The step.</param>
/// <param name="Latency">Time the call took, retries included.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="TokensEstimated">True when the counts are estimates.</param>
/// <param name="ToolCalls">How many tool calls the answer asked for.</param>
/// <param name="ModelId">The model that answered, when known.</param>
public sealed record ModelCallCompleted(
    int Step, TimeSpan Latency, long InputTokens, long OutputTokens, bool TokensEstimated, int ToolCalls, string? ModelId)
    : AgentEvent(Step);
