using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>A tool call the planner made earlier in this task, with what came back.</summary>
internal sealed record Observation(string Tool, JsonObject Arguments, string Result, bool IsError)
{
    public string? Arg(string name) => Arguments[name]?.ToString();

    /// <summary>True when this call is the one described (same tool, same arguments).</summary>
    public bool Matches(string tool, JsonObject arguments) => Tool == tool && JsonNode.DeepEquals(Arguments, arguments);
}
