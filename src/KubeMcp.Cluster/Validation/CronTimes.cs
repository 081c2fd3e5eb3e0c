namespace KubeMcp.Cluster.Validation;

/// <summary>
/// A parsed cron schedule: the minutes, hours, days of month, months and weekdays it fires on (bit sets), or a fixed
/// interval for <c>@every</c>. <see cref="Next"/> finds the first firing time after an instant, in a time zone,
/// with the day-of-month/day-of-week rule of the cron library Kubernetes uses.
/// </summary>
internal sealed class CronTimes
{
    /// <summary>Marks a field written as a bare <c>*</c> or <c>?</c>.</summary>
    public const ulong StarBit = 1UL << 63;

    private readonly ulong _minutes;
    private readonly ulong _hours;
    private readonly ulong _daysOfMonth;
    private readonly ulong _months;
    private readonly ulong _daysOfWeek;
    private readonly TimeSpan? _every;

    public CronTimes(ulong minutes, ulong hours, ulong daysOfMonth, ulong months, ulong daysOfWeek)
    {
        _minutes = minutes;
        _hours = hours;
        _daysOfMonth = daysOfMonth;
        _months = months;
        _daysOfWeek = daysOfWeek;
    }

    private CronTimes(TimeSpan every) => _every = every < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : every;

    public static CronTimes Every(TimeSpan interval) => new(interval);

    /// <summary>The first time strictly after <paramref name="after"/> the schedule fires; null if none within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, TimeZoneInfo zone)
    {
        if (_every is { } every)
        {
            var next = after + every;
            return next.AddTicks(-(next.Ticks % TimeSpan.TicksPerSecond));
        }
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var wall = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified).AddMinutes(1);
        var limit = wall.Year + 5;
        while (wall.Year <= limit)
        {
            if (!Has(_months, wall.Month))
            {
                wall = new DateTime(wall.Year, wall.Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1);
                continue;
            }
            if (!DayMatches(wall))
            {
                wall = wall.Date.AddDays(1);
                continue;
            }
            if (!Has(_hours, wall.Hour))
            {
                wall = wall.Date.AddHours(wall.Hour + 1);
                continue;
            }
            if (!Has(_minutes, wall.Minute) || zone.IsInvalidTime(wall))
            {
                wall = wall.AddMinutes(1);
                continue;
            }
            var candidate = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
            if (candidate > after)
            {
                return candidate;
            }
            wall = wall.AddMinutes(1);
        }
        return null;
    }

    private bool DayMatches(DateTime day)
    {
        var dom = Has(_daysOfMonth, day.Day);
        var dow = Has(_daysOfWeek, (int)day.DayOfWeek);
        return (_daysOfMonth & StarBit) != 0 || (_daysOfWeek & StarBit) != 0 ? dom && dow : dom || dow;
    }

    private static bool Has(ulong bits, int value) => (bits & (1UL << value)) != 0;
}
