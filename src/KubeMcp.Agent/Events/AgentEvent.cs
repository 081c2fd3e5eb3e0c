namespace KubeMcp.Agent.Events;

/// <summary>Something the agent loop did, reported live to an <see cref="IAgentObserver"/>.</summary>
/// <param name="Step">The step it belongs to (1-based; 0 before the first step).</param>
public abstract record AgentEvent(int Step)
{
    /// <summary>When it happened, by the loop's clock.</summary>
    public DateTimeOffset Timestamp { get; init; }
}
