namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>Writes results.json, summary.md and report.html into the output folder.</summary>
internal static class ReportWriter
{
    public const string ResultsFile = "results.json";
    public const string SummaryFile = "summary.md";
    public const string HtmlFile = "report.html";

    public static async Task WriteAsync(string directory, EvalReport report, BaselineComparison? baseline, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, ResultsFile), report.ToJson() + "\n", ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, SummaryFile), MarkdownReport.Write(report, baseline), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, HtmlFile), HtmlReport.Write(report, baseline), ct).ConfigureAwait(false);
    }
}
