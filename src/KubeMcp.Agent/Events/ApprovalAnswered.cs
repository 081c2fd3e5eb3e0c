namespace KubeMcp.Agent.Events;

/// <summary>The approval gate answered.</summary>
public sealed record ApprovalAnswered(int Step, string ToolName, bool Approved, string Reason) : AgentEvent(Step);
