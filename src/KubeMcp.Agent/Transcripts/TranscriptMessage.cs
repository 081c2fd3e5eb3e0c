using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Transcripts;

/// <summary>One message of the conversation, in a shape that reads well as JSON.</summary>
/// <param name="Role">system, user, assistant or tool.</param>
/// <param name="Text">The message text (a tool message: the result).</param>
/// <param name="ToolCalls">Calls an assistant message asked for.</param>
/// <param name="ToolCallId">For a tool message, the call it answers.</param>
public sealed record TranscriptMessage(string Role, string Text, IReadOnlyList<TranscriptToolCall>? ToolCalls = null, string? ToolCallId = null);
