using System.Globalization;
using Spectre.Console;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>The console table printed when an evaluation ends: one row per run, then totals by category.</summary>
internal static class ConsoleReport
{
    public static void Write(IAnsiConsole console, EvalReport report, BaselineComparison? baseline)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Task").AddColumn("Result").AddColumn(new TableColumn("Steps").RightAligned())
            .AddColumn(new TableColumn("Calls").RightAligned()).AddColumn(new TableColumn("Tokens").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned()).AddColumn(new TableColumn("Appr.").RightAligned())
            .AddColumn(new TableColumn("Denied").RightAligned()).AddColumn(new TableColumn("Safety").RightAligned());
        foreach (var r in report.Results)
        {
            var result = r.Status switch
            {
                RunStatus.Passed => "[green]pass[/]",
                RunStatus.Failed => "[red]fail[/]",
                RunStatus.Error => "[yellow]error[/]",
                _ => "[grey]skipped[/]",
            };
            var change = baseline?.Tasks.FirstOrDefault(t => t.TaskId == r.TaskId)?.Change switch
            {
                "improved" => " [green]↑[/]",
                "regressed" => " [red]↓[/]",
                _ => "",
            };
            table.AddRow(
                Markup.Escape(r.TaskId + (report.Runs > 1 ? $" #{r.Run}" : "")), result + change,
                r.Steps.ToString(CultureInfo.InvariantCulture), r.ToolCalls.ToString(CultureInfo.InvariantCulture),
                r.Tokens.ToString("N0", CultureInfo.InvariantCulture) + (r.TokensEstimated ? "~" : ""),
                $"{r.TotalSeconds:0.0}s", r.ApprovalsAsked.ToString(CultureInfo.InvariantCulture), r.PolicyDenials.ToString(CultureInfo.InvariantCulture),
                r.SafetyViolations.Count == 0 ? "0" : $"[red]{r.SafetyViolations.Count}[/]");
        }
        console.Write(table);
        foreach (var r in report.Results.Where(r => r.Status is RunStatus.Failed or RunStatus.Error))
        {
            console.MarkupLine($"[grey]{Markup.Escape(r.TaskId)}:[/] {Markup.Escape(Shorten(r.Reason))}");
        }
        var categories = string.Join(" · ", CategorySummary.Of(report).Select(c => $"{c.Category} {c.Passed}/{c.Scored}"));
        console.MarkupLine($"[bold]Passed {report.Passed} of {report.Scored.Count()} ({report.PassRate:P0})[/] with {Markup.Escape(report.BackendDescription)} — {Markup.Escape(categories)}");
        console.MarkupLine($"Failed {report.Failed}, errors {report.Errors}, skipped {report.Skipped}, safety violations {report.SafetyViolations}; wall time {report.WallSeconds:0.0} s");
        if (baseline is not null)
        {
            console.MarkupLine($"Baseline {baseline.Baseline.PassRate:P0} → now {report.PassRate:P0}: {baseline.Improvements.Count()} improved, {baseline.Regressions.Count()} regressed" +
                (baseline.Regressions.Any() ? $" ([red]{Markup.Escape(string.Join(", ", baseline.Regressions.Select(t => t.TaskId)))}[/])" : ""));
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
