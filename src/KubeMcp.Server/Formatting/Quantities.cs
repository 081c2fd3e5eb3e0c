using System.Globalization;

namespace KubeMcp.Server.Formatting;

/// <summary>Kubernetes resource quantities ("250m", "128974848", "512Mi", "1.5Gi", "12345n") read and printed as kubectl top does.</summary>
internal static class Quantities
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1000m), ("M", 1000_000m), ("G", 1000_000_000m),
        ("T", 1000_000_000_000m), ("P", 1000_000_000_000_000m), ("E", 1000_000_000_000_000_000m),
    ];

    /// <summary>The value in base units (cores, bytes); null when the text is not a quantity.</summary>
    public static decimal? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) &&
                decimal.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                return v * factor;
            }
        }
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    public static string FormatCpu(decimal cores) => ((long)Math.Round(cores * 1000m)).ToString(CultureInfo.InvariantCulture) + "m";

    public static string FormatMemory(decimal bytes) => ((long)Math.Round(bytes / (1024m * 1024m))).ToString(CultureInfo.InvariantCulture) + "Mi";
}
