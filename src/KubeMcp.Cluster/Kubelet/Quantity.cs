using System.Globalization;

namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Parses Kubernetes resource quantities (<c>100Mi</c>, <c>1Gi</c>, <c>250M</c>, <c>500m</c>, <c>1e3</c>) the way the
/// API server's <c>resource.Quantity</c> reads them, for the simulation's memory and CPU arithmetic.
/// </summary>
internal static class Quantity
{
    /// <summary>The value of a quantity as a decimal number of base units (bytes, or cores for CPU).</summary>
    public static decimal Parse(string text)
    {
        if (!TryParse(text, out var value))
        {
            throw new FormatException(
                $"quantity \"{text}\" is not valid: it must match the regular expression " +
                "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' (for example 128Mi, 1Gi, 500m, 2)");
        }
        return value;
    }

    /// <summary>A memory quantity in whole bytes, rounded up as the kubelet does.</summary>
    public static long ParseBytes(string text) => (long)Math.Ceiling(Parse(text));

    /// <summary>A CPU quantity in millicores, rounded up as the kubelet does.</summary>
    public static long ParseMillicores(string text) => (long)Math.Ceiling(Parse(text) * 1000m);

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || text != text.Trim())
        {
            return false;
        }
        var end = 0;
        if (text[0] is '+' or '-')
        {
            end = 1;
        }
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        var number = text[..end];
        var suffix = text[end..];
        if (number.Length == 0 || number is "+" or "-" ||
            !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mantissa))
        {
            return false;
        }
        if (!TryMultiplier(suffix, out var multiplier))
        {
            return false;
        }
        try
        {
            value = mantissa * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryMultiplier(string suffix, out decimal multiplier)
    {
        multiplier = suffix switch
        {
            "" => 1m,
            "n" => 0.000000001m,
            "u" => 0.000001m,
            "m" => 0.001m,
            "k" => 1_000m,
            "M" => 1_000_000m,
            "G" => 1_000_000_000m,
            "T" => 1_000_000_000_000m,
            "P" => 1_000_000_000_000_000m,
            "E" => 1_000_000_000_000_000_000m,
            "Ki" => 1024m,
            "Mi" => 1024m * 1024,
            "Gi" => 1024m * 1024 * 1024,
            "Ti" => 1024m * 1024 * 1024 * 1024,
            "Pi" => 1024m * 1024 * 1024 * 1024 * 1024,
            "Ei" => 1024m * 1024 * 1024 * 1024 * 1024 * 1024,
            _ => -1m,
        };
        if (multiplier > 0)
        {
            return true;
        }
        // Decimal exponent form: 1e3, 5E-2.
        if (suffix.Length >= 2 && suffix[0] is 'e' or 'E' &&
            int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) &&
            exponent is >= -18 and <= 18)
        {
            multiplier = 1m;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                multiplier = exponent > 0 ? multiplier * 10 : multiplier / 10;
            }
            return true;
        }
        return false;
    }

    /// <summary>Formats bytes the way people write limits (<c>256Mi</c>), for messages.</summary>
    public static string FormatBytes(long bytes)
    {
        string[] units = ["Ki", "Mi", "Gi", "Ti"];
        var unit = "";
        decimal value = bytes;
        foreach (var u in units)
        {
            if (value < 1024 || value % 1024 != 0)
            {
                break;
            }
            value /= 1024;
            unit = u;
        }
        return value.ToString(CultureInfo.InvariantCulture) + unit;
    }
}
