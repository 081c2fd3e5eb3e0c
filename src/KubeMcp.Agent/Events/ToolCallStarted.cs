using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Events;

/// <summary>A tool call is about to be checked and run.</summary>
public sealed record ToolCallStarted(int Step, string CallId, string ToolName, JsonObject Arguments) : AgentEvent(Step);
