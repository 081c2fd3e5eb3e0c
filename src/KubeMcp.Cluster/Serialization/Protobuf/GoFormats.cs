using System.Globalization;
using System.Text;

namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>The text forms Go's JSON encoding gives Kubernetes time and duration values.</summary>
internal static class GoFormats
{
    private const long MinUnixSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxUnixSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary><c>metav1.Time</c>: RFC 3339 in UTC, whole seconds.</summary>
    public static string Time(long seconds) =>
        ToUtc(seconds, 0).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary><c>metav1.MicroTime</c>: RFC 3339 in UTC with six fractional digits.</summary>
    public static string MicroTime(long seconds, long nanos) =>
        ToUtc(seconds, nanos).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Go's <c>time.Duration.String()</c>: <c>1h0m0s</c>, <c>1.5s</c>, <c>300ms</c>, <c>0s</c>.</summary>
    public static string Duration(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }
        var negative = nanoseconds < 0;
        var u = negative ? (ulong)-(nanoseconds + 1) + 1 : (ulong)nanoseconds;
        var text = new StringBuilder();
        if (u < 1_000_000_000)
        {
            var (unit, scale, digits) = u switch
            {
                < 1_000 => ("ns", 1UL, 0),
                < 1_000_000 => ("µs", 1_000UL, 3),
                _ => ("ms", 1_000_000UL, 6),
            };
            text.Append(u / scale).Append(Fraction(u % scale, digits)).Append(unit);
        }
        else
        {
            var seconds = u / 1_000_000_000;
            text.Append(seconds % 60).Append(Fraction(u % 1_000_000_000, 9)).Append('s');
            var minutes = seconds / 60;
            if (minutes > 0)
            {
                text.Insert(0, $"{minutes % 60}m");
                var hours = minutes / 60;
                if (hours > 0)
                {
                    text.Insert(0, $"{hours}h");
                }
            }
        }
        return negative ? "-" + text : text.ToString();
    }

    private static DateTime ToUtc(long seconds, long nanos)
    {
        if (seconds is < MinUnixSeconds or > MaxUnixSeconds)
        {
            throw new ProtobufFormatException($"timestamp {seconds}s is outside years 1-9999");
        }
        var time = DateTime.UnixEpoch.AddSeconds(seconds);
        var ticks = nanos / 100;
        return (ticks > 0 && DateTime.MaxValue.Ticks - time.Ticks < ticks) || (ticks < 0 && time.Ticks < -ticks)
            ? throw new ProtobufFormatException($"timestamp {seconds}s {nanos}ns is outside years 1-9999")
            : time.AddTicks(ticks);
    }

    private static string Fraction(ulong value, int digits)
    {
        if (digits == 0 || value == 0)
        {
            return "";
        }
        return "." + value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }
}
