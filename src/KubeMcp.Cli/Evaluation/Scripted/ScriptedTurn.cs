namespace KubeMcp.Cli.Evaluation.Scripted;

/// <summary>One recorded model reply: text and/or tool calls, and optionally the token counts to report.</summary>
internal sealed record ScriptedTurn(string? Content, IReadOnlyList<ScriptedCall> Calls, int? PromptTokens, int? CompletionTokens);
