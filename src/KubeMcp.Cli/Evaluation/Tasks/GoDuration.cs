using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>Durations as Kubernetes and Go write them: <c>90s</c>, <c>2m</c>, <c>1h30m</c>, <c>500ms</c>; a bare number is seconds.</summary>
internal static partial class GoDuration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds >= 0 && double.IsFinite(seconds);
        }
        var parts = Part().Matches(s);
        if (parts.Count == 0 || parts.Sum(m => m.Length) != s.Length)
        {
            return false;
        }
        foreach (Match m in parts)
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            value += m.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(n),
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }
        return true;
    }

    /// <summary>Formats for reports: <c>2m30s</c>, <c>45s</c>, <c>1h</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{(int)value.TotalMilliseconds}ms";
        }
        var text = "";
        if (value.TotalHours >= 1)
        {
            text += $"{(int)value.TotalHours}h";
        }
        if (value.Minutes > 0)
        {
            text += $"{value.Minutes}m";
        }
        if (value.Seconds > 0 || text.Length == 0)
        {
            text += $"{value.Seconds}s";
        }
        return text;
    }

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)(?<u>ms|s|m|h)")]
    private static partial Regex Part();
}
