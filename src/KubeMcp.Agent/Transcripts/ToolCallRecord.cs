using System.Text.Json.Nodes;

namespace KubeMcp.Agent.Transcripts;

/// <summary>One tool call in a transcript.</summary>
/// <param name="Step">The step.</param>
/// <param name="CallId">The call's id.</param>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">Arguments as sent.</param>
/// <param name="Result">What the model was given (after truncation).</param>
/// <param name="IsError">True when that was an error.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="DurationMs">Milliseconds, retries included.</param>
/// <param name="Attempts">How many times the call was tried.</param>
/// <param name="Truncated">True when the output was cut to the budget.</param>
/// <param name="Approval">The approval decision for destructive tools (null when none was needed).</param>
public sealed record ToolCallRecord(
    int Step,
    string CallId,
    string Name,
    JsonObject Arguments,
    string Result,
    bool IsError,
    ToolCallOutcome Outcome,
    double DurationMs,
    int Attempts,
    bool Truncated,
    string? Approval);
