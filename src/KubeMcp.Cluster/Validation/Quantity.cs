using System.Globalization;
using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// Parses Kubernetes resource quantities (<c>100m</c>, <c>1.5Gi</c>, <c>2e3</c>) to comparable numbers, with the
/// syntax the API server accepts.
/// </summary>
internal static partial class Quantity
{
    /// <summary>The error text the API server reports for an unparseable quantity.</summary>
    public const string FormatError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var match = Syntax().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups[1].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        var suffix = match.Groups[2].Value;
        decimal multiplier;
        if (suffix.Length > 1 && (suffix[0] is 'e' or 'E') && int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            if (exponent is < -20 or > 20)
            {
                return false;
            }
            multiplier = (decimal)Math.Pow(10, exponent);
        }
        else
        {
            var found = Multiplier(suffix);
            if (found is null)
            {
                return false;
            }
            multiplier = found.Value;
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

    private static decimal? Multiplier(string suffix) => suffix switch
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

    [GeneratedRegex("^([+-]?[0-9]*\\.?[0-9]+|[+-]?[0-9]+\\.)([eEinumkKMGTP]*[-+]?[0-9]*)\\z")]
    private static partial Regex Syntax();
}
