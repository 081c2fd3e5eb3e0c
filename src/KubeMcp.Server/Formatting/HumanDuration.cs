using System.Globalization;

namespace KubeMcp.Server.Formatting;

/// <summary>Ages the way kubectl prints them (<c>45s</c>, <c>3m12s</c>, <c>5h</c>, <c>12d</c>), precise when recent and coarse when old.</summary>
internal static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)Math.Floor(d.TotalSeconds);
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
            return S($"{seconds}s");
        }
        var minutes = seconds / 60;
        if (minutes < 10)
        {
            var s = seconds % 60;
            return s == 0 ? S($"{minutes}m") : S($"{minutes}m{s}s");
        }
        if (minutes < 60 * 3)
        {
            return S($"{minutes}m");
        }
        var hours = minutes / 60;
        if (hours < 8)
        {
            var m = minutes % 60;
            return m == 0 ? S($"{hours}h") : S($"{hours}h{m}m");
        }
        if (hours < 48)
        {
            return S($"{hours}h");
        }
        if (hours < 24 * 8)
        {
            var h = hours % 24;
            return h == 0 ? S($"{hours / 24}d") : S($"{hours / 24}d{h}h");
        }
        if (hours < 24 * 365 * 2)
        {
            return S($"{hours / 24}d");
        }
        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? S($"{hours / 24 / 365}y") : S($"{hours / 24 / 365}y{days}d");
        }
        return S($"{hours / 24 / 365}y");
    }

    /// <summary>Age of a timestamp in Kubernetes' RFC 3339 form, or <c>&lt;unknown&gt;</c>.</summary>
    public static string Since(string? timestamp, DateTimeOffset now) =>
        DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? Format(now - t)
            : "<unknown>";

    private static string S(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
