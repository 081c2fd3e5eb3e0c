using System.Globalization;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>Reads Kubernetes quantities as <c>kubectl top</c> prints them (<c>901Mi</c>, <c>1.5Gi</c>, <c>250m</c>, <c>2</c>).</summary>
internal static class Quantity
{
    private static readonly (string Suffix, double Factor)[] Suffixes =
    [
        ("Ki", 1024d), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("m", 1e-3), ("n", 1e-9), ("u", 1e-6),
    ];

    /// <summary>The quantity as a number in base units; null when the text is not a quantity.</summary>
    public static double? Parse(string text)
    {
        var value = text.Trim();
        var factor = 1d;
        foreach (var (suffix, f) in Suffixes)
        {
            if (value.EndsWith(suffix, StringComparison.Ordinal))
            {
                value = value[..^suffix.Length];
                factor = f;
                break;
            }
        }

        return value.Length > 0 && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) ? n * factor : null;
    }
}
