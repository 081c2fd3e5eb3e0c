namespace KubeMcp.Agent.Events;

/// <summary>The model was asked for its next move.</summary>
/// <param name="Step">The step.</param>
/// <param name="EstimatedPromptTokens">The prompt's estimated size, tools included.</param>
public sealed record ModelCallStarted(int Step, int EstimatedPromptTokens) : AgentEvent(Step);
