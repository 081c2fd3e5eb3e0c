namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>One task against the baseline: pass rate, tokens and steps before and now (null where the task did not run).</summary>
internal sealed record TaskDelta(
    string TaskId, double? PassRateBefore, double? PassRateNow, double? TokensBefore, double? TokensNow, double? StepsBefore, double? StepsNow,
    string Change);
