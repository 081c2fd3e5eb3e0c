using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Events;

/// <summary>A destructive call is waiting for approval (a console renderer should stop its spinner).</summary>
public sealed record ApprovalRequested(int Step, string ToolName, JsonObject Arguments) : AgentEvent(Step);
