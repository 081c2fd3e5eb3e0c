using System.Text.Json.Nodes;
using KubeMcp.Agent.Transcripts;

namespace KubeMcp.Agent.Events;

/// <summary>A tool call finished (or was not run: invalid, unknown, refused, repeated).</summary>
/// <param name="Step">The step.</param>
/// <param name="CallId">The call's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Arguments">The arguments as sent (after validation fixed slips).</param>
/// <param name="Summary">A one-line summary of the result.</param>
/// <param name="Duration">Time spent, retries included.</param>
/// <param name="IsError">True when the model was given an error.</param>
/// <param name="Outcome">What happened.</param>
public sealed record ToolCallCompleted(
    int Step, string CallId, string ToolName, JsonObject Arguments, string Summary, TimeSpan Duration, bool IsError, ToolCallOutcome Outcome)
    : AgentEvent(Step);
