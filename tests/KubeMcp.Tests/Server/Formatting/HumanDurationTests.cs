using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(192, "3m12s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 5 * 60, "3h5m")]
    [InlineData(5 * 3600, "5h")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 4 * 3600, "3d4h")]
    [InlineData(12 * 86400, "12d")]
    [InlineData(3 * 365 * 86400 + 10 * 86400, "3y10d")]
    [InlineData(10 * 365 * 86400, "10y")]
    public void Format_MatchesKubectl(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Format_FutureTimesAreInvalid() => Assert.Equal("<invalid>", HumanDuration.Format(TimeSpan.FromSeconds(-5)));

    [Fact]
    public void Since_UnparseableTimestampIsUnknown() =>
        Assert.Equal("<unknown>", HumanDuration.Since("yesterday-ish", DateTimeOffset.UnixEpoch));

    [Fact]
    public void Since_ReadsRfc3339() =>
        Assert.Equal("90m", HumanDuration.Since("2026-01-01T10:00:00Z", new DateTimeOffset(2026, 1, 1, 11, 30, 0, TimeSpan.Zero)));
}
