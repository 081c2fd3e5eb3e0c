namespace KubeMcp.Cli.Evaluation.Reporting;

/// <summary>One bar of a chart: a label, its segments (stacked, each with a CSS colour) and an optional comparison value.</summary>
internal sealed record SvgBar(string Label, IReadOnlyList<(double Value, string Color, string Name)> Segments, double? Compare = null, string? Note = null)
{
    public double Total => Segments.Sum(s => s.Value);
}
