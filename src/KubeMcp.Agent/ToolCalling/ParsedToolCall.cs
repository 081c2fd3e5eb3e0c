using System.Text.Json.Nodes;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>A tool call read from a model's text reply.</summary>
/// <param name="Name">The tool name as the model wrote it (not yet checked against the catalog).</param>
/// <param name="Arguments">The arguments object (empty when the model gave none).</param>
public sealed record ParsedToolCall(string Name, JsonObject Arguments);
