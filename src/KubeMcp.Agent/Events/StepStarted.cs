namespace KubeMcp.Agent.Events;

/// <summary>A new step (one model call and the tool calls it asks for) begins.</summary>
public sealed record StepStarted(int Step, int MaxSteps) : AgentEvent(Step);
