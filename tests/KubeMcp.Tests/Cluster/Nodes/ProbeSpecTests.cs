using System.Text.Json.Nodes;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ProbeSpecTests
{
    private static JsonObject Container(string probeJson) =>
        JsonNode.Parse($$"""{"name":"app","image":"nginx","readinessProbe":{{probeJson}}}""")!.AsObject();

    [Fact]
    public void Parse_AppliesTheApiDefaults()
    {
        var spec = ProbeSpec.Parse(Container("""{"httpGet":{"port":8080}}"""), "readinessProbe")!;

        Assert.Equal("Readiness", spec.Type);
        Assert.Equal(ProbeHandler.HttpGet, spec.Handler);
        Assert.Equal(TimeSpan.Zero, spec.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), spec.Period);
        Assert.Equal(1, spec.SuccessThreshold);
        Assert.Equal(3, spec.FailureThreshold);
        Assert.Equal("http", spec.Scheme);
        Assert.Equal("", spec.Path);
    }

    [Fact]
    public void Parse_ReadsEveryField()
    {
        var spec = ProbeSpec.Parse(Container("""
            {"exec":{"command":["cat","/tmp/healthy"]},"initialDelaySeconds":5,"periodSeconds":3,
             "successThreshold":2,"failureThreshold":4,"terminationGracePeriodSeconds":7}
            """), "readinessProbe")!;

        Assert.Equal(ProbeHandler.Exec, spec.Handler);
        Assert.Equal(["cat", "/tmp/healthy"], spec.Command);
        Assert.Equal(TimeSpan.FromSeconds(5), spec.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), spec.Period);
        Assert.Equal(2, spec.SuccessThreshold);
        Assert.Equal(4, spec.FailureThreshold);
        Assert.Equal(7, spec.TerminationGracePeriodSeconds);
    }

    [Theory]
    [InlineData("""{"periodSeconds":5}""")]
    [InlineData("""{"httpGet":"not-an-object"}""")]
    [InlineData("""[]""")]
    [InlineData("""null""")]
    public void Parse_WithoutAHandler_IsNoProbe(string probe)
    {
        Assert.Null(ProbeSpec.Parse(Container(probe), "readinessProbe"));
    }

    [Fact]
    public void Parse_ClampsOutOfRangeNumbers()
    {
        var spec = ProbeSpec.Parse(Container("""{"tcpSocket":{"port":80},"periodSeconds":0,"failureThreshold":-2,"initialDelaySeconds":-9}"""), "readinessProbe")!;

        Assert.Equal(TimeSpan.FromSeconds(1), spec.Period);
        Assert.Equal(1, spec.FailureThreshold);
        Assert.Equal(TimeSpan.Zero, spec.InitialDelay);
    }

    [Fact]
    public void Parse_UnknownField_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ProbeSpec.Parse(Container("{}"), "healthProbe"));
    }
}
