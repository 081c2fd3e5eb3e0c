using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// JSON values as the API server's JSONPath printer writes them into string cells: strings as they are, numbers
/// and booleans as Go's <c>fmt.Print</c> does, objects and arrays as compact JSON with sorted keys.
/// </summary>
internal static class GoText
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Print(JsonNode? node)
    {
        switch (node)
        {
            case null:
                // A present JSON null reaches Go's printer as an invalid value.
                return "<no value>";
            case JsonValue v:
                return v.GetValueKind() switch
                {
                    JsonValueKind.String => JsonRead.AsString(v),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => Number(v),
                    _ => v.ToJsonString(),
                };
            default:
                using (var stream = new MemoryStream())
                {
                    using (var writer = new Utf8JsonWriter(stream, CompactWriter))
                    {
                        WriteSorted(writer, node);
                    }
                    return Encoding.UTF8.GetString(stream.ToArray());
                }
        }
    }

    /// <summary>An integral number as an integer; otherwise Go's shortest <c>%v</c> form of a float64.</summary>
    public static string Number(JsonValue v)
    {
        if (JsonRead.AsLong(v) is { } l)
        {
            return l.ToString(CultureInfo.InvariantCulture);
        }
        return double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? Float(d)
            : v.ToJsonString();
    }

    /// <summary>
    /// Go's <c>%v</c> for a float64: shortest digits, in exponent form (<c>1.5e+06</c>) when the exponent is below
    /// -4 or at least 6.
    /// </summary>
    public static string Float(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0)
        {
            return "0";
        }
        var sign = d < 0 ? "-" : "";
        // "R" gives the shortest round-tripping digits, as mantissa[E±exponent].
        var r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? 0 : int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leading..].TrimEnd('0');
        point -= leading;

        var exp10 = point - 1;
        if (exp10 < -4 || exp10 >= 6)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : "";
            var expSign = exp10 < 0 ? "-" : "+";
            return $"{sign}{digits[0]}{fraction}e{expSign}{Math.Abs(exp10).ToString("00", CultureInfo.InvariantCulture)}";
        }
        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }
        return point >= digits.Length
            ? sign + digits + new string('0', point - digits.Length)
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteSorted(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteSorted(writer, item);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
