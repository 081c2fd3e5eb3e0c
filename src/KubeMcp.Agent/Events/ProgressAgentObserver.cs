namespace KubeMcp.Agent.Events;

/// <summary>Adapts an <see cref="IProgress{T}"/> to <see cref="IAgentObserver"/>.</summary>
public sealed class ProgressAgentObserver(IProgress<AgentEvent> progress) : IAgentObserver
{
    /// <inheritdoc />
    public void OnEvent(AgentEvent agentEvent) => progress.Report(agentEvent);
}
