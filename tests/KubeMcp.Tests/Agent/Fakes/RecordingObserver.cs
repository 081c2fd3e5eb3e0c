using KubeMcp.Agent.Events;

namespace KubeMcp.Tests.Agent.Fakes;

internal sealed class RecordingObserver : IAgentObserver
{
    public List<AgentEvent> Events { get; } = [];

    public void OnEvent(AgentEvent agentEvent)
    {
        lock (Events)
        {
            Events.Add(agentEvent);
        }
    }

    public IReadOnlyList<T> Of<T>() where T : AgentEvent
    {
        lock (Events)
        {
            return [.. Events.OfType<T>()];
        }
    }
}
