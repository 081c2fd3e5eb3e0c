namespace KubeMcp.Cli.Stats;

/// <summary>Per-tool success rate and latency percentiles from the server's <c>/metrics</c> page.</summary>
internal sealed record ToolStatistics(string Tool, long Calls, long Ok, long Errors, long Denied, double? P50Seconds, double? P95Seconds)
{
    public const string CallsMetric = "kubemcp_server_tool_calls_total";
    public const string BucketMetric = "kubemcp_server_tool_duration_seconds_bucket";

    public double SuccessRate => Calls == 0 ? 0 : (double)Ok / Calls;

    public static IReadOnlyList<ToolStatistics> From(IReadOnlyList<MetricSample> samples)
    {
        var calls = samples.Where(s => s.Name == CallsMetric).ToList();
        var buckets = samples.Where(s => s.Name == BucketMetric).ToList();
        return calls.Select(s => s.Label("tool")).Distinct().Order(StringComparer.Ordinal).Select(tool =>
        {
            long Count(string outcome) => (long)calls.Where(s => s.Label("tool") == tool && s.Label("outcome") == outcome).Sum(s => s.Value);
            var total = (long)calls.Where(s => s.Label("tool") == tool).Sum(s => s.Value);
            // Buckets of every outcome summed: one distribution per tool.
            var cumulative = buckets.Where(b => b.Label("tool") == tool)
                .GroupBy(b => ParseBound(b.Label("le")))
                .Select(g => (Bound: g.Key, Count: g.Sum(b => b.Value)))
                .OrderBy(b => b.Bound)
                .ToList();
            return new ToolStatistics(tool, total, Count("ok"), Count("error"), Count("denied"),
                Quantile(cumulative, 0.50), Quantile(cumulative, 0.95));
        }).ToList();
    }

    /// <summary>Linear interpolation inside the bucket holding the quantile, as Prometheus' histogram_quantile does.</summary>
    internal static double? Quantile(IReadOnlyList<(double Bound, double Count)> cumulative, double q)
    {
        if (cumulative.Count == 0 || cumulative[^1].Count <= 0)
        {
            return null;
        }
        var rank = q * cumulative[^1].Count;
        double previousBound = 0, previousCount = 0;
        foreach (var (bound, count) in cumulative)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(bound))
                {
                    // Beyond the last finite bucket: the best honest answer is that bound.
                    return previousBound;
                }
                var inBucket = count - previousCount;
                return inBucket <= 0 ? bound : previousBound + (bound - previousBound) * ((rank - previousCount) / inBucket);
            }
            previousBound = bound;
            previousCount = count;
        }
        return previousBound;
    }

    private static double ParseBound(string le) =>
        le == "+Inf" ? double.PositiveInfinity : double.TryParse(le, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : double.PositiveInfinity;
}
