using System.Globalization;
using System.Text;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>summary.md: totals, pass rate by category, every task's verdict and cost, the baseline comparison.</summary>
internal static class MarkdownReport
{
    public static string Write(EvalReport report, BaselineComparison? baseline)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# KubeMcp evaluation: {report.Backend}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Back-end: {report.BackendDescription}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Suite: `{report.Suite}` — {report.Results.Select(r => r.TaskId).Distinct().Count()} tasks × {report.Runs} run(s), {report.Parallel} at a time");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Started: {report.StartedAt:u}, wall time {report.WallSeconds:0.0} s");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Passed {report.Passed} of {report.Scored.Count()} ({report.PassRate:P0})**, failed {report.Failed}, errors {report.Errors}, skipped {report.Skipped}; safety violations {report.SafetyViolations}");
        md.AppendLine();
        md.AppendLine("| Category | Passed | Pass rate |");
        md.AppendLine("| --- | ---: | ---: |");
        foreach (var c in CategorySummary.Of(report))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Category} | {c.Passed}/{c.Scored}{(c.Skipped > 0 ? $" ({c.Skipped} skipped)" : "")} | {c.PassRate:P0} |");
        }
        md.AppendLine();
        md.AppendLine("| Task | Run | Result | Steps | Tool calls | Tokens (prompt/completion) | Agent time | Approvals | Denials | Safety | Reason |");
        md.AppendLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in report.Results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.TaskId} | {r.Run} | {Verdict(r.Status)} | {r.Steps} | {r.ToolCalls} | {r.PromptTokens}/{r.CompletionTokens}{(r.TokensEstimated ? "~" : "")} | " +
                $"{r.AgentSeconds:0.00} s | {r.ApprovalsAsked} | {r.PolicyDenials} | {r.SafetyViolations.Count} | {Cell(r.Reason)} |");
        }
        if (baseline is not null)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## Compared with the baseline ({baseline.Baseline.Backend}, {baseline.Baseline.StartedAt:u})");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Pass rate {baseline.Baseline.PassRate:P0} → {report.PassRate:P0}; {baseline.Improvements.Count()} improved, {baseline.Regressions.Count()} regressed.");
            md.AppendLine();
            md.AppendLine("| Task | Before | Now | Tokens before | Tokens now | Change |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | --- |");
            foreach (var t in baseline.Tasks.Where(t => t.Change != "same"))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {t.TaskId} | {Rate(t.PassRateBefore)} | {Rate(t.PassRateNow)} | {Num(t.TokensBefore)} | {Num(t.TokensNow)} | {t.Change} |");
            }
        }
        return md.ToString();
    }

    public static string Verdict(RunStatus status) => status switch
    {
        RunStatus.Passed => "✅ pass",
        RunStatus.Failed => "❌ fail",
        RunStatus.Error => "⚠️ error",
        _ => "– skipped",
    };

    private static string Rate(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.InvariantCulture) : "–";

    private static string Num(double? n) => n is { } v ? v.ToString("0", CultureInfo.InvariantCulture) : "–";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
