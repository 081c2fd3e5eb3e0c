using KubeMcp.Cluster.Validation;

namespace KubeMcp.Cluster.Controllers.Batch;

/// <summary>A CronJob's parsed schedule in its time zone: the latest missed start time and the next one.</summary>
internal sealed class CronJobSchedule(CronTimes times, TimeZoneInfo zone)
{
    private const int Scan = 1000;

    /// <summary>Parses <c>spec.schedule</c> and <c>spec.timeZone</c>; the error says which is wrong and how.</summary>
    public static CronJobSchedule? Parse(string? schedule, string? timeZone, out string? error)
    {
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrEmpty(timeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
        {
            error = $"invalid timeZone: \"{timeZone}\": unknown time zone {timeZone}";
            return null;
        }
        if (CronSchedule.Parse(schedule ?? "", out var times) is { } parseError)
        {
            error = $"unparseable schedule: \"{schedule}\" : {parseError}";
            return null;
        }
        error = null;
        return new CronJobSchedule(times!, zone!);
    }

    public TimeZoneInfo Zone => zone;

    public DateTimeOffset? Next(DateTimeOffset after) => times.Next(after, zone);

    /// <summary>
    /// The most recent start time in (<paramref name="earliest"/>, <paramref name="now"/>], and roughly how many start
    /// times were missed there; null when none has come yet.
    /// </summary>
    public (DateTimeOffset? Time, long Missed) MostRecent(DateTimeOffset earliest, DateTimeOffset now)
    {
        if (Next(earliest) is not { } first || first > now)
        {
            return (null, 0);
        }
        var latest = first;
        for (var count = 1; count < Scan; count++)
        {
            if (Next(latest) is not { } next || next > now)
            {
                return (latest, count);
            }
            latest = next;
        }
        // Long outage: estimate the count from the interval and search only the last stretch before now.
        var interval = Next(first)!.Value - first;
        var missed = (long)((now - first) / interval) + 1;
        for (var window = 2; ; window *= 2)
        {
            var from = now - (interval * window);
            DateTimeOffset? found = null;
            for (var t = Next(from < first ? first.AddSeconds(-1) : from); t is { } time && time <= now; t = Next(time))
            {
                found = time;
            }
            if (found is not null)
            {
                return (found, missed);
            }
        }
    }
}
