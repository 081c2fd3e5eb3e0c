namespace KubeMcp.Agent.Transcripts;

/// <summary>One model call in a transcript.</summary>
/// <param name="Step">The step.</param>
/// <param name="LatencyMs">Milliseconds, retries included.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="TokensEstimated">True when the counts are estimates.</param>
/// <param name="Text">The reply's text (without tool calls).</param>
/// <param name="ToolCalls">How many calls the reply asked for.</param>
public sealed record ModelCallRecord(
    int Step, double LatencyMs, long InputTokens, long OutputTokens, bool TokensEstimated, string Text, int ToolCalls);
