using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Agent.Approval;

/// <summary>A destructive tool call waiting for a person's decision.</summary>
/// <param name="Tool">The tool, with its hints.</param>
/// <param name="Arguments">The validated arguments the call would run with.</param>
/// <param name="Step">The agent step asking.</param>
public sealed record ApprovalRequest(ToolDescriptor Tool, JsonObject Arguments, int Step)
{
    /// <summary>The call as a person reads it, e.g. <c>pods_delete(name=web-1, namespace=production)</c>.</summary>
    public string Describe() => ToolCallFormatter.Format(Tool.Name, Arguments);
}
