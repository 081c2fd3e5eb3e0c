using KubeMcp.Cluster.Validation;

namespace KubeMcp.Tests.Cluster.Validation;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 0 * * MON-FRI")]
    [InlineData("0 9-17/2 1,15 jan-jun 0")]
    [InlineData("@hourly")]
    [InlineData("@every 1h30m")]
    [InlineData("30 2 * * ?")]
    public void Check_AcceptsStandardSchedules(string schedule) => Assert.Null(CronSchedule.Check(schedule));

    [Theory]
    [InlineData("* * *", "expected exactly 5 fields, found 3: [* * *]")]
    [InlineData("70 * * * *", "end of range (70) above maximum (59): 70")]
    [InlineData("0 0 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("a * * * *", "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("TZ=UTC 0 * * * *", "cannot use TZ or CRON_TZ in schedule, use timeZone field instead")]
    [InlineData("@fortnightly", "unrecognized descriptor: @fortnightly")]
    [InlineData("   ", "empty spec string")]
    public void Check_ReportsTheParserError(string schedule, string expected) => Assert.Equal(expected, CronSchedule.Check(schedule));
}
