using KubeMcp.Cluster.Serialization.Protobuf;

namespace KubeMcp.Tests.Cluster.Serialization.Protobuf;

public sealed class GoFormatsTests
{
    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1_500L, "1.5µs")]
    [InlineData(300_000_000L, "300ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(90_000_000_000L, "1m30s")]
    [InlineData(3_600_000_000_000L, "1h0m0s")]
    [InlineData(93_784_000_000_000L, "26h3m4s")]
    [InlineData(-5_000_000_000L, "-5s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    public void Duration_MatchesGo(long nanoseconds, string expected) =>
        Assert.Equal(expected, GoFormats.Duration(nanoseconds));

    [Fact]
    public void Time_IsRfc3339InUtcWithWholeSeconds() =>
        Assert.Equal("1970-01-01T00:00:00Z", GoFormats.Time(0));

    [Fact]
    public void MicroTime_KeepsMicroseconds() =>
        Assert.Equal("2023-11-14T22:13:20.123456Z", GoFormats.MicroTime(1_700_000_000, 123_456_789));

    [Fact]
    public void Time_OutsideTheCalendar_IsAFormatError() =>
        Assert.Throws<ProtobufFormatException>(() => GoFormats.Time(-70_000_000_000));
}
