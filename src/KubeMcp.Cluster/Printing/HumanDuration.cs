using System.Globalization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Durations as kubectl shows ages: two or three significant figures ("45s", "2m30s", "5h10m", "3d4h", "2y30d").
/// Follows apimachinery's <c>duration.HumanDuration</c> rules so ages match a real API server to the character.
/// </summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        // Truncation toward zero, and up to a second of clock skew reads as "now", as upstream does.
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }
        if (seconds < 0)
        {
            return "0s";
        }
        if (seconds < 60 * 2)
        {
            return F($"{seconds}s");
        }

        var minutes = d.Ticks / TimeSpan.TicksPerMinute;
        if (minutes < 10)
        {
            var s = d.Ticks / TimeSpan.TicksPerSecond % 60;
            return s == 0 ? F($"{minutes}m") : F($"{minutes}m{s}s");
        }
        if (minutes < 60 * 3)
        {
            return F($"{minutes}m");
        }

        var hours = d.Ticks / TimeSpan.TicksPerHour;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? F($"{hours}h") : F($"{hours}h{m}m");
        }
        if (hours < 48)
        {
            return F($"{hours}h");
        }
        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? F($"{hours / 24}d") : F($"{hours / 24}d{h}h");
        }
        if (hours < 24 * 365 * 2)
        {
            return F($"{hours / 24}d");
        }
        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? F($"{hours / 24 / 365}y") : F($"{hours / 24 / 365}y{days}d");
        }
        return F($"{hours / 24 / 365}y");
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
