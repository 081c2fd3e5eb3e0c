namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>Pass counts of one category (or of the whole run).</summary>
internal sealed record CategorySummary(string Category, int Passed, int Scored, int Skipped)
{
    public double PassRate => Scored == 0 ? 0 : (double)Passed / Scored;

    /// <summary>Per category in the suite's order (diagnosis, fix, helm, investigation, safety, then others).</summary>
    public static IReadOnlyList<CategorySummary> Of(EvalReport report)
    {
        var order = Tasks.TaskFile.Categories.ToList();
        return [.. report.Results
            .GroupBy(r => r.Category)
            .OrderBy(g => order.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CategorySummary(g.Key, g.Count(r => r.Passed), g.Count(r => r.Status != RunStatus.Skipped), g.Count(r => r.Status == RunStatus.Skipped)))];
    }
}
