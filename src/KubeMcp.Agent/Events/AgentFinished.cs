using KubeMcp.Agent.Loop;

namespace KubeMcp.Agent.Events;

/// <summary>The run ended.</summary>
/// <param name="Step">The last step.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="FinalAnswer">The model's final answer, if it gave one.</param>
/// <param name="Reason">Why it stopped, for outcomes other than <see cref="AgentOutcome.Completed"/>.</param>
public sealed record AgentFinished(int Step, AgentOutcome Outcome, string? FinalAnswer, string? Reason) : AgentEvent(Step);
