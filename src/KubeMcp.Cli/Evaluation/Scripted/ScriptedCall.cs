using System.Text.Json.Nodes;

namespace KubeMcp.Cli.Evaluation.Scripted;

/// <summary>A tool call in a recorded reply.</summary>
internal sealed record ScriptedCall(string Name, JsonObject Arguments);
