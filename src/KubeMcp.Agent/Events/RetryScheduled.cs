namespace KubeMcp.Agent.Events;

/// <summary>A transient failure will be retried after <paramref name="Delay"/>.</summary>
/// <param name="Step">The step.</param>
/// <param name="Operation"><c>model</c>, or the tool's name.</param>
/// <param name="Attempt">The attempt that failed (1 for the first try).</param>
/// <param name="Delay">The backoff before the next attempt.</param>
/// <param name="Reason">The failure, in one line.</param>
public sealed record RetryScheduled(int Step, string Operation, int Attempt, TimeSpan Delay, string Reason) : AgentEvent(Step);
