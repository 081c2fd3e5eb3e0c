using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class Rfc3339Tests
{
    [Fact]
    public void FormatNano_DropsTrailingZerosOfTheFraction()
    {
        var start = new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

        Assert.Equal("2025-03-14T09:26:53Z", Rfc3339.FormatNano(start));
        Assert.Equal("2025-03-14T09:26:53.5Z", Rfc3339.FormatNano(start.AddMilliseconds(500)));
        Assert.Equal("2025-03-14T09:26:53.0001234Z", Rfc3339.FormatNano(start.AddTicks(1234)));
        Assert.Equal("2025-03-14T08:26:53.25Z", Rfc3339.FormatNano(new DateTimeOffset(2025, 3, 14, 9, 26, 53, 250, TimeSpan.FromHours(1))));
    }

    [Theory]
    [InlineData("2025-03-14T09:26:53Z", "2025-03-14T09:26:53.0000000+00:00")]
    [InlineData("2025-03-14T09:26:53.123456789Z", "2025-03-14T09:26:53.1234567+00:00")]
    [InlineData("2025-03-14T10:26:53+01:00", "2025-03-14T09:26:53.0000000+00:00")]
    public void TryParse_ReadsRfc3339(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2025-03-14")]
    [InlineData("2025-03-14 09:26:53Z")]
    [InlineData("2025-03-14T09:26:53")]
    [InlineData("2025-13-14T09:26:53Z")]
    [InlineData("2025-03-14T09:26:53.Z")]
    [InlineData("2025-03-14T09:26:53.1234567890Z")]
    public void TryParse_RejectsMalformedTimes(string text)
    {
        Assert.False(Rfc3339.TryParse(text, out _));
    }
}
