using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Renders JSON values the way Go's <c>%v</c> prints the <c>map[string]interface{}</c> trees the strategic merge
/// code works on, so error messages read like the real server's (<c>map[$patch:delete image:nginx]</c>).
/// </summary>
internal static class GoFormat
{
    public static string Value(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    /// <summary>The Go type name <c>reflect.TypeOf</c> reports for a decoded JSON value.</summary>
    public static string TypeName(JsonNode? node) => node switch
    {
        null => "%!s(<nil>)",
        JsonObject => "map[string]interface {}",
        JsonArray => "[]interface {}",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => JsonValues.IsInteger(node) ? "int64" : "float64",
        },
    };

    private static void Write(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("<nil>");
                break;
            case JsonObject o:
                builder.Append("map[");
                var first = true;
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(' ');
                    }
                    first = false;
                    builder.Append(key).Append(':');
                    Write(builder, value);
                }
                builder.Append(']');
                break;
            case JsonArray a:
                builder.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ');
                    }
                    Write(builder, a[i]);
                }
                builder.Append(']');
                break;
            default:
                switch (node.GetValueKind())
                {
                    case JsonValueKind.String:
                        builder.Append(node.GetValue<string>());
                        break;
                    case JsonValueKind.True:
                        builder.Append("true");
                        break;
                    case JsonValueKind.False:
                        builder.Append("false");
                        break;
                    default:
                        builder.Append(Number(node));
                        break;
                }
                break;
        }
    }

    private static string Number(JsonNode node)
    {
        var text = node.ToJsonString();
        if (JsonValues.IsInteger(node))
        {
            return text;
        }
        var d = double.Parse(text, CultureInfo.InvariantCulture);
        // Go's %v switches to exponent form from 1e21 and below 1e-4.
        var abs = Math.Abs(d);
        if (abs != 0 && (abs >= 1e21 || abs < 1e-4))
        {
            var e = d.ToString("0.################e+00", CultureInfo.InvariantCulture);
            return e;
        }
        return d.ToString("R", CultureInfo.InvariantCulture);
    }
}
