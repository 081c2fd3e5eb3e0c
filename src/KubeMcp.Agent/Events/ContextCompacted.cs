namespace KubeMcp.Agent.Events;

/// <summary>Older tool results were shortened or dropped to keep the prompt inside the model's window.</summary>
public sealed record ContextCompacted(int Step, int TokensBefore, int TokensAfter, int ResultsElided, int MessagesDropped)
    : AgentEvent(Step);
