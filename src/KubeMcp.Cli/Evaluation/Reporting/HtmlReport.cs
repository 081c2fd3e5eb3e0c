using System.Globalization;
using System.Net;
using System.Text;

namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>
/// report.html: one self-contained page — totals, pass rate by category, tokens and steps per task (inline SVG), the
/// baseline comparison, and every task's verdict with its checks, answer and safety record.
/// </summary>
internal static class HtmlReport
{
    private const string Pass = "#2e7d32";
    private const string Fail = "#c62828";
    private const string Prompt = "#1565c0";
    private const string Completion = "#90caf9";
    private const string Steps = "#6a1b9a";
    private const string Calls = "#ce93d8";

    public static string Write(EvalReport report, BaselineComparison? baseline)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>KubeMcp evaluation: {E(report.Backend)}</title><style>{Style}</style></head><body>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>KubeMcp evaluation <span class=\"muted\">{E(report.Backend)}</span></h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{E(report.BackendDescription)} · suite {E(report.Suite)} · {report.StartedAt:u} · {report.Runs} run(s) per task, {report.Parallel} at a time</p>");
        html.Append("<div class=\"cards\">");
        Card(html, "Pass rate", report.PassRate.ToString("P0", CultureInfo.InvariantCulture), $"{report.Passed} of {report.Scored.Count()} runs");
        Card(html, "Failed / errors", $"{report.Failed} / {report.Errors}", $"{report.Skipped} skipped");
        Card(html, "Safety violations", report.SafetyViolations.ToString(CultureInfo.InvariantCulture), "forbidden actions attempted");
        Card(html, "Tokens", report.Results.Sum(r => r.Tokens).ToString("N0", CultureInfo.InvariantCulture), "prompt + completion");
        Card(html, "Wall time", $"{report.WallSeconds:0.0} s", $"{report.Results.Sum(r => r.ToolCalls)} tool calls");
        if (baseline is not null)
        {
            Card(html, "Against baseline", $"{baseline.Baseline.PassRate:P0} → {report.PassRate:P0}", $"{baseline.Improvements.Count()} improved, {baseline.Regressions.Count()} regressed");
        }
        html.Append("</div>");

        var categories = CategorySummary.Of(report);
        var before = baseline is null ? null : CategorySummary.Of(baseline.Baseline).ToDictionary(c => c.Category, c => c.PassRate);
        html.Append("<section class=\"charts\">");
        html.Append(SvgCharts.HorizontalBars("Pass rate by category", [.. categories.Select(c => new SvgBar(c.Category,
            [(c.PassRate * 100, Pass, "passed")], before is not null && before.TryGetValue(c.Category, out var b) ? b * 100 : null, $"{c.Passed}/{c.Scored}"))],
            100, v => $"{v:0}%"));
        var perTask = report.Results.Where(r => r.Status != RunStatus.Skipped).GroupBy(r => r.TaskId).ToList();
        var tokensBefore = baseline?.Tasks.ToDictionary(t => t.TaskId, t => t.TokensBefore);
        var maxTokens = Math.Max(1, perTask.Select(g => g.Average(r => (double)r.Tokens)).Append(tokensBefore?.Values.Max() ?? 0).Max());
        html.Append(SvgCharts.HorizontalBars("Tokens per task (mean over runs)", [.. perTask.Select(g => new SvgBar(g.Key,
            [(g.Average(r => (double)r.PromptTokens), Prompt, "prompt"), (g.Average(r => (double)r.CompletionTokens), Completion, "completion")],
            tokensBefore is not null && tokensBefore.TryGetValue(g.Key, out var t) ? t : null))], maxTokens, v => v.ToString("N0", CultureInfo.InvariantCulture)));
        var stepsBefore = baseline?.Tasks.ToDictionary(t => t.TaskId, t => t.StepsBefore);
        var maxSteps = Math.Max(1, perTask.Select(g => g.Average(r => (double)r.Steps + r.ToolCalls)).Max());
        html.Append(SvgCharts.HorizontalBars("Steps and tool calls per task", [.. perTask.Select(g => new SvgBar(g.Key,
            [(g.Average(r => (double)r.Steps), Steps, "steps"), (g.Average(r => (double)r.ToolCalls), Calls, "tool calls")],
            stepsBefore is not null && stepsBefore.TryGetValue(g.Key, out var s) ? s : null,
            $"{g.Average(r => (double)r.Steps):0.#} / {g.Average(r => (double)r.ToolCalls):0.#}"))], maxSteps, v => v.ToString("0.#", CultureInfo.InvariantCulture)));
        if (baseline is not null)
        {
            html.Append(SvgCharts.HorizontalBars("Pass rate per task: now (bar) and baseline (tick)", [.. baseline.Tasks.Select(d => new SvgBar(d.TaskId,
                [((d.PassRateNow ?? 0) * 100, (d.PassRateNow ?? 0) > 0 ? Pass : Fail, "now")], d.PassRateBefore is { } pb ? pb * 100 : null, d.Change))],
                100, v => $"{v:0}%"));
        }
        html.Append("</section>");

        html.Append("<h2>Tasks</h2><table><thead><tr><th>Task</th><th>Category</th><th>Result</th><th>Steps</th><th>Calls</th><th>Tokens</th><th>Agent time</th><th>Virtual time</th><th>Approvals</th><th>Denials</th><th>Safety</th></tr></thead><tbody>");
        foreach (var r in report.Results)
        {
            var css = r.Status switch { RunStatus.Passed => "pass", RunStatus.Failed => "fail", RunStatus.Error => "error", _ => "skip" };
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{css}\"><td>{E(r.TaskId)}{(report.Runs > 1 ? $" #{r.Run}" : "")}</td><td>{E(r.Category)}</td><td>{E(MarkdownReport.Verdict(r.Status))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{r.Steps}</td><td>{r.ToolCalls}</td><td>{r.PromptTokens:N0} / {r.CompletionTokens:N0}{(r.TokensEstimated ? "~" : "")}</td><td>{r.AgentSeconds:0.00} s</td><td>{r.VirtualSeconds:0} s</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{r.ApprovalsAsked}</td><td>{r.PolicyDenials}</td><td>{r.SafetyViolations.Count}</td></tr>");
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"detail\"><td colspan=\"11\"><details><summary>{E(r.Reason)}</summary>");
            if (r.Checks.Count > 0)
            {
                html.Append("<ul>");
                foreach (var c in r.Checks)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li class=\"{(c.Passed ? "ok" : "bad")}\">{(c.Passed ? "✔" : "✘")} {E(c.Check)} — {E(c.Detail)}</li>");
                }
                html.Append("</ul>");
            }
            foreach (var v in r.SafetyViolations)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"bad\">Forbidden ({E(v.Rule)}), step {v.Step}: <code>{E(v.Call)}</code> {(v.Executed ? "ran" : "was stopped")}</p>");
            }
            if (r.ToolSequence.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">Tools: {E(string.Join(" → ", r.ToolSequence))}</p>");
            }
            if (r.FinalAnswer is { Length: > 0 } answer)
            {
                html.Append(CultureInfo.InvariantCulture, $"<pre>{E(answer)}</pre>");
            }
            html.Append("</details></td></tr>");
        }
        html.Append("</tbody></table></body></html>\n");
        return html.ToString();
    }

    private static void Card(StringBuilder html, string title, string value, string note) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"muted\">{E(title)}</div><div class=\"big\">{E(value)}</div><div class=\"muted\">{E(note)}</div></div>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222;max-width:1200px}
        h1{font-size:1.5em;margin-bottom:4px}.muted{color:#666;font-size:.9em}
        .cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.card{border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:150px}
        .big{font-size:1.6em;font-weight:600}.charts{display:flex;flex-direction:column;gap:18px;margin:12px 0}
        svg .title{font-weight:600;font-size:14px}svg .label{font-size:12px;fill:#333}svg .value{font-size:12px;fill:#555}
        svg .track{fill:#f2f2f2}svg .compare{stroke:#000;stroke-width:2}
        table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left}
        tr.pass td:nth-child(3){color:#2e7d32}tr.fail td:nth-child(3){color:#c62828}tr.error td:nth-child(3){color:#ef6c00}tr.skip{color:#999}
        tr.detail td{border-bottom:1px solid #ccc;padding-top:0}details summary{cursor:pointer;color:#444}
        pre{white-space:pre-wrap;background:#f7f7f7;padding:8px;border-radius:4px;font-size:.85em}.ok{color:#2e7d32}.bad{color:#c62828}
        """;
}
