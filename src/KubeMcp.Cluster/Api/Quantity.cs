using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Api;

/// <summary>
/// Kubernetes resource quantities (<c>100Mi</c>, <c>1.5Gi</c>, <c>250M</c>, <c>500m</c>, <c>2e3</c>) with the syntax the
/// API server accepts, as exact decimals of base units (bytes, or cores for CPU).
/// </summary>
internal static partial class Quantity
{
    /// <summary>The error text the API server reports for an unparseable quantity.</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    /// <summary>The value of a quantity; <see cref="FormatException"/> with an example of the syntax when malformed.</summary>
    public static decimal Parse(string text) =>
        TryParse(text, out var value)
            ? value
            : throw new FormatException($"quantity \"{text}\" is not valid: {FormatError} (for example 128Mi, 1Gi, 500m, 2)");

    /// <summary>A memory quantity in whole bytes, rounded up as the kubelet does.</summary>
    public static long ParseBytes(string text) => CeilingBytes(Parse(text));

    /// <summary>A CPU quantity in millicores, rounded up as the kubelet does.</summary>
    public static long ParseMillicores(string text) => CeilingMillis(Parse(text));

    /// <summary>The value; 0 for an absent or malformed quantity (validation reports those).</summary>
    public static decimal ValueOrZero(string? text) => TryParse(text, out var value) ? value : 0;

    /// <summary>Bytes, rounded up; 0 for an absent or malformed quantity (validation reports those).</summary>
    public static long BytesOrZero(string? text) => TryParse(text, out var value) ? CeilingBytes(value) : 0;

    /// <summary>Millicores, rounded up; 0 for an absent or malformed quantity (validation reports those).</summary>
    public static long MillicoresOrZero(string? text) => TryParse(text, out var value) ? CeilingMillis(value) : 0;

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var match = Syntax().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            || Multiplier(match.Groups[2].Value) is not { } multiplier)
        {
            return false;
        }
        try
        {
            value = number * multiplier;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
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

    private static long CeilingBytes(decimal value) => (long)Math.Ceiling(value);

    private static long CeilingMillis(decimal value) => (long)Math.Ceiling(value * 1000m);

    private static decimal? Multiplier(string suffix)
    {
        // Decimal exponent form: 1e3, 5E-2 (a lone "E" is the exa suffix). Beyond ±20 the value leaves decimal's range.
        if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
        {
            if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent) || exponent is < -20 or > 20)
            {
                return null;
            }
            var multiplier = 1m;
            for (var i = 0; i < Math.Abs(exponent); i++)
            {
                multiplier = exponent > 0 ? multiplier * 10 : multiplier / 10;
            }
            return multiplier;
        }
        return suffix switch
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
            _ => null,
        };
    }

    [GeneratedRegex("^([+-]?[0-9]*\\.?[0-9]+|[+-]?[0-9]+\\.)([eEinumkKMGTP]*[-+]?[0-9]*)\\z")]
    private static partial Regex Syntax();
}
