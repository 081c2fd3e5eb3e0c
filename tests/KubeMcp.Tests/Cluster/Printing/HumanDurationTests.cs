using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(45, "45s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(150, "2m30s")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(179 * 60 + 59, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 5 * 60 + 59, "3h5m")]
    [InlineData(8 * 3600 + 30 * 60, "8h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(48 * 3600, "2d")]
    [InlineData(51 * 3600, "2d3h")]
    [InlineData(8 * 86400, "8d")]
    [InlineData(729 * 86400, "729d")]
    [InlineData(730 * 86400, "2y")]
    [InlineData(760 * 86400, "2y30d")]
    [InlineData(9 * 365 * 86400, "9y")]
    [InlineData(-1, "0s")]
    [InlineData(-2, "<invalid>")]
    public void Format_FollowsKubectlAgeRules(long seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Format_TruncatesFractionsOfASecond() =>
        Assert.Equal("2m", HumanDuration.Format(TimeSpan.FromMilliseconds(120_999)));
}
