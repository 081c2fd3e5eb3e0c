namespace KubeMcp.Agent.Events;

/// <summary>Some tool calls in the model's text could not be read; the errors were sent back to it.</summary>
public sealed record ToolCallParseFailed(int Step, IReadOnlyList<string> Errors) : AgentEvent(Step);
