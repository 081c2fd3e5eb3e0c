using System.Globalization;

namespace KubeMcp.Cluster.Scheduling;

/// <summary>Parses resource quantities (<c>500m</c>, <c>2</c>, <c>128Mi</c>, <c>1G</c>) into milli-units or bytes.</summary>
internal static class Quantities
{
    /// <summary>CPU in millicores.</summary>
    public static long MilliCpu(string? text) =>
        string.IsNullOrEmpty(text) ? 0
        : text.EndsWith('m') ? (long)Parse(text[..^1])
        : (long)Math.Ceiling(Value(text) * 1000);

    /// <summary>Memory (or any byte quantity) in bytes.</summary>
    public static long Bytes(string? text) => string.IsNullOrEmpty(text) ? 0 : (long)Math.Ceiling(Value(text));

    /// <summary>The value of a quantity with binary (Ki, Mi…) or decimal (k, M…, m) suffix.</summary>
    public static double Value(string text)
    {
        string[] binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        for (var i = 0; i < binary.Length; i++)
        {
            if (text.EndsWith(binary[i], StringComparison.Ordinal))
            {
                return Parse(text[..^2]) * Math.Pow(1024, i + 1);
            }
        }
        var last = text[^1];
        var power = last switch { 'k' => 1, 'M' => 2, 'G' => 3, 'T' => 4, 'P' => 5, 'E' => 6, _ => 0 };
        if (power > 0)
        {
            return Parse(text[..^1]) * Math.Pow(1000, power);
        }
        if (last == 'm')
        {
            return Parse(text[..^1]) / 1000;
        }
        return Parse(text);
    }

    private static double Parse(string number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
