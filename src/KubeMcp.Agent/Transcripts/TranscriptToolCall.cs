using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Transcripts;

/// <summary>A call inside an assistant message.</summary>
public sealed record TranscriptToolCall(string Id, string Name, JsonObject Arguments);
