namespace KubeMcp.Cli.Stats;

/// <summary>One sample of the Prometheus text format: <c>name{label="value",…} 12.5</c>.</summary>
internal sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
