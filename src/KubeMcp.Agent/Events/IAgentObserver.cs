namespace KubeMcp.Agent.Events;

/// <summary>Receives the loop's events as they happen (console rendering, logs, tests).</summary>
/// <remarks>Called on the loop's own flow, in order; keep handlers quick and do not throw.</remarks>
public interface IAgentObserver
{
    /// <summary>Handles one event.</summary>
    void OnEvent(AgentEvent agentEvent);
}
