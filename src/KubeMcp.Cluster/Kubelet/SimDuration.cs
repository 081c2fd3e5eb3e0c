using System.Globalization;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Durations as authors write them in annotations and the catalog: Go style (<c>30s</c>, <c>1m30s</c>, <c>1.5h</c>,
/// <c>250ms</c>) or a bare number of seconds (<c>45</c>, <c>0.5</c>).
/// </summary>
internal static class SimDuration
{
    public static TimeSpan Parse(string text)
    {
        if (!TryParse(text, out var value))
        {
            throw new FormatException($"duration \"{text}\" is not valid: use a number of seconds or Go duration syntax such as 30s, 1m30s, 250ms, 2h");
        }
        return value;
    }

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var bare))
        {
            value = TimeSpan.FromSeconds(bare);
            return true;
        }
        double totalSeconds = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }
            if (start == i || !double.TryParse(text[start..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }
            double? factor = text[unitStart..i] switch
            {
                "ns" => 1e-9,
                "us" or "µs" => 1e-6,
                "ms" => 1e-3,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                "d" => 86400,
                _ => null,
            };
            if (factor is null)
            {
                return false;
            }
            totalSeconds += number * factor.Value;
        }
        if (totalSeconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }
        value = TimeSpan.FromSeconds(totalSeconds);
        return true;
    }
}
