namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>How each task did now against a previous run (<c>--baseline results.json</c>).</summary>
internal sealed class BaselineComparison
{
    private BaselineComparison(EvalReport baseline, IReadOnlyList<TaskDelta> tasks)
    {
        Baseline = baseline;
        Tasks = tasks;
    }

    public EvalReport Baseline { get; }

    /// <summary>Every task in either run, by id.</summary>
    public IReadOnlyList<TaskDelta> Tasks { get; }

    public IEnumerable<TaskDelta> Regressions => Tasks.Where(t => t.Change == "regressed");

    public IEnumerable<TaskDelta> Improvements => Tasks.Where(t => t.Change == "improved");

    /// <summary>Reads the baseline file and compares.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="System.Text.Json.JsonException">The file is not a results.json.</exception>
    public static BaselineComparison Load(string path, EvalReport current) => Compare(EvalReport.FromJson(File.ReadAllText(path)), current);

    public static BaselineComparison Compare(EvalReport baseline, EvalReport current)
    {
        static Dictionary<string, (double Rate, double Tokens, double Steps)> ByTask(EvalReport r) =>
            r.Scored.GroupBy(x => x.TaskId).ToDictionary(g => g.Key, g => (g.Average(x => x.Passed ? 1.0 : 0.0), g.Average(x => (double)x.Tokens), g.Average(x => (double)x.Steps)));
        var before = ByTask(baseline);
        var now = ByTask(current);
        var ids = before.Keys.Union(now.Keys).Order(StringComparer.Ordinal);
        return new BaselineComparison(baseline, [.. ids.Select(id =>
        {
            var hasBefore = before.TryGetValue(id, out var b);
            var hasNow = now.TryGetValue(id, out var n);
            var change = !hasBefore ? "new" : !hasNow ? "missing" : n.Rate > b.Rate ? "improved" : n.Rate < b.Rate ? "regressed" : "same";
            return new TaskDelta(id, hasBefore ? b.Rate : null, hasNow ? n.Rate : null, hasBefore ? b.Tokens : null, hasNow ? n.Tokens : null,
                hasBefore ? b.Steps : null, hasNow ? n.Steps : null, change);
        })]);
    }
}
