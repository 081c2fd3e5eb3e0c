using KubeMcp.Cluster.Validation;

namespace KubeMcp.Tests.Cluster.Validation;

public sealed class CronTimesTests
{
    private static readonly DateTimeOffset Saturday = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? Next(string schedule, DateTimeOffset after, string zone = "UTC")
    {
        Assert.Null(CronSchedule.Parse(schedule, out var times));
        return times!.Next(after, TimeZoneInfo.FindSystemTimeZoneById(zone));
    }

    [Theory]
    [InlineData("*/5 * * * *", "2025-03-01T10:05:00Z")]
    [InlineData("0 * * * *", "2025-03-01T11:00:00Z")]
    [InlineData("@hourly", "2025-03-01T11:00:00Z")]
    [InlineData("30 2 * * *", "2025-03-02T02:30:00Z")]
    [InlineData("0 0 * * MON-FRI", "2025-03-03T00:00:00Z")]
    [InlineData("0 0 1 * *", "2025-04-01T00:00:00Z")]
    [InlineData("@yearly", "2026-01-01T00:00:00Z")]
    [InlineData("0 9-17/4 * * *", "2025-03-01T13:00:00Z")]
    [InlineData("15 10 29 feb *", "2028-02-29T10:15:00Z")]
    public void Next_FindsTheFirstStartAfterTheInstant(string schedule, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Next(schedule, Saturday));

    [Fact]
    public void Next_IsStrictlyAfterTheInstant() =>
        Assert.Equal(Saturday.AddMinutes(1), Next("* * * * *", Saturday));

    [Fact]
    public void DayOfMonthAndDayOfWeek_EitherMatchesWhenBothAreRestricted()
    {
        // The 13th, or any Friday: Friday 7 March comes first.
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 0, 0, 0, TimeSpan.Zero), Next("0 0 13 * 5", Saturday));
        // With day-of-month a bare *, only Fridays.
        Assert.Equal(new DateTimeOffset(2025, 3, 7, 0, 0, 0, TimeSpan.Zero), Next("0 0 * * 5", Saturday));
        // A stepped * is a restriction: the 1st, 3rd, 5th… or a Friday.
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 0, 0, 0, TimeSpan.Zero), Next("0 0 */2 * 5", Saturday));
    }

    [Fact]
    public void TimeZone_SchedulesInLocalTime() =>
        // 03:00 in Seoul (UTC+9) is 18:00 UTC the day before.
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 18, 0, 0, TimeSpan.Zero), Next("0 3 * * *", Saturday, "Asia/Seoul")?.ToUniversalTime());

    [Fact]
    public void Every_AddsTheIntervalToTheInstant() =>
        Assert.Equal(Saturday.AddMinutes(90), Next("@every 1h30m", Saturday));

    [Fact]
    public void Impossible_HasNoNextTime() => Assert.Null(Next("0 0 30 feb *", Saturday));

    [Theory]
    [InlineData("@every 1x")]
    [InlineData("@every ")]
    [InlineData("61 * * * *")]
    [InlineData("* * * * 8")]
    [InlineData("*/a * * * *")]
    public void Parse_RejectsMalformedSchedulesWithoutTimes(string schedule)
    {
        Assert.NotNull(CronSchedule.Parse(schedule, out var times));
        Assert.Null(times);
    }
}
