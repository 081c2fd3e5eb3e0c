using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class SimDurationTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("1m30s", 90)]
    [InlineData("1.5h", 5400)]
    [InlineData("250ms", 0.25)]
    [InlineData("45", 45)]
    [InlineData("0.5", 0.5)]
    public void Parse_ReadsGoDurationsAndBareSeconds(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SimDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("10 minutes")]
    [InlineData("5x")]
    [InlineData("-3s")]
    public void Parse_RejectsMalformedDurations(string text)
    {
        Assert.False(SimDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SimDuration.Parse(text));
    }
}
