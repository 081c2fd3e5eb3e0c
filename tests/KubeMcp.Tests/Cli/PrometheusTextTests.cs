using KubeMcp.Cli.Commands;
using KubeMcp.Cli.Stats;
using Spectre.Console;

namespace KubeMcp.Tests.Cli;

public sealed class PrometheusTextTests
{
    private const string Page = """
        # HELP kubemcp_server_tool_calls_total Tool calls by tool and outcome.
        # TYPE kubemcp_server_tool_calls_total counter
        kubemcp_server_tool_calls_total{otel_scope_name="KubeMcp.Server",outcome="ok",tool="pods_list"} 18 1700000000000
        kubemcp_server_tool_calls_total{outcome="error",tool="pods_list"} 2
        kubemcp_server_tool_calls_total{outcome="denied",tool="pods_delete"} 1
        kubemcp_server_tool_duration_seconds_bucket{outcome="ok",tool="pods_list",le="0.01"} 10
        kubemcp_server_tool_duration_seconds_bucket{outcome="ok",tool="pods_list",le="0.1"} 18
        kubemcp_server_tool_duration_seconds_bucket{outcome="ok",tool="pods_list",le="+Inf"} 18
        kubemcp_server_tool_duration_seconds_bucket{outcome="error",tool="pods_list",le="0.01"} 0
        kubemcp_server_tool_duration_seconds_bucket{outcome="error",tool="pods_list",le="0.1"} 0
        kubemcp_server_tool_duration_seconds_bucket{outcome="error",tool="pods_list",le="+Inf"} 2
        odd{path="a \"quoted\" \\ back\nslash"} NaN
        """;

    [Fact]
    public void Parse_ReadsNamesLabelsAndValues()
    {
        var samples = PrometheusText.Parse(Page);

        Assert.Equal(10, samples.Count);
        Assert.Equal(18, samples[0].Value);
        Assert.Equal("pods_list", samples[0].Label("tool"));
        Assert.Equal("a \"quoted\" \\ back\nslash", samples[^1].Label("path"));
        Assert.True(double.IsNaN(samples[^1].Value));
    }

    [Fact]
    public void ToolStatistics_GivesSuccessRateAndPercentilesPerTool()
    {
        var stats = ToolStatistics.From(PrometheusText.Parse(Page));

        var list = Assert.Single(stats, s => s.Tool == "pods_list");
        Assert.Equal((20L, 18L, 2L), (list.Calls, list.Ok, list.Errors));
        Assert.Equal(0.9, list.SuccessRate, 3);
        // p50: rank 10 of 20 falls at the top of the first bucket.
        Assert.Equal(0.01, list.P50Seconds!.Value, 6);
        // p95: rank 19 lies beyond the last finite bucket, so the answer is that bucket's bound.
        Assert.Equal(0.1, list.P95Seconds!.Value, 6);
        var delete = Assert.Single(stats, s => s.Tool == "pods_delete");
        Assert.Equal((1L, 1L, 0.0), (delete.Calls, delete.Denied, delete.SuccessRate));
        Assert.Null(delete.P95Seconds);
    }

    [Fact]
    public void Quantile_InterpolatesInsideTheBucket()
    {
        IReadOnlyList<(double, double)> buckets = [(0.1, 0), (0.2, 100), (double.PositiveInfinity, 100)];

        Assert.Equal(0.195, ToolStatistics.Quantile(buckets, 0.95)!.Value, 6);
        Assert.Null(ToolStatistics.Quantile([], 0.95));
    }

    [Theory]
    [InlineData("{a=\"b\"} 1", "line 1: expected a metric name")]
    [InlineData("m{a=\"b} 1", "unterminated label value")]
    [InlineData("m{a} 1", "malformed label")]
    [InlineData("m 1 2 3", "expected a value")]
    [InlineData("m", "expected a value")]
    [InlineData("\n\nm lots", "line 3: 'lots' is not a number")]
    public void Parse_MalformedLinesAreRefusedWithTheLine(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => PrometheusText.Parse(text)).Message);

    [Fact]
    public void Render_PrintsATableRowPerTool()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 160;

        StatsCommand.Render(ToolStatistics.From(PrometheusText.Parse(Page)), console);

        var text = output.ToString();
        Assert.Contains("pods_list", text);
        Assert.Contains("90.0%", text);
        Assert.Contains("100 ms", text);
    }
}
