using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Nodes;

/// <summary>RFC 3339 times as Go writes and reads them (<c>time.RFC3339Nano</c>: trailing zeros of the fraction dropped).</summary>
internal static partial class Rfc3339
{
    /// <summary>Go's <c>time.RFC3339Nano</c> layout in UTC, e.g. <c>2025-03-14T09:26:53.1234Z</c>.</summary>
    public static string FormatNano(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        if (ticks == 0)
        {
            return seconds + "Z";
        }
        var fraction = (ticks * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return $"{seconds}.{fraction}Z";
    }

    /// <summary>Reads <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>; anything else is rejected.</summary>
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["seconds"].Value + (fraction.Length > 0 ? "." + fraction[..Math.Min(7, fraction.Length)] : "")
            + (match.Groups["zone"].Value is "Z" or "z" ? "+00:00" : match.Groups["zone"].Value);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^(?<seconds>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2})(?:\.(?<fraction>\d{1,9}))?(?<zone>[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Pattern();
}
