using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Validation;

/// <summary>Formats values the way the API server (Go) prints them in error messages.</summary>
internal static class Go
{
    /// <summary>Go's <c>%q</c>: a double-quoted string with Go escapes.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>Go's <c>%#v</c> of a <c>map[string]string</c>: keys sorted, e.g. <c>map[string]string{"app":"web"}</c>.</summary>
    public static string StringMap(JsonObject? map)
    {
        if (map is null)
        {
            return "map[string]string(nil)";
        }
        var entries = map.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{Quote(kv.Key)}:{Quote(Text(kv.Value))}");
        return "map[string]string{" + string.Join(", ", entries) + "}";
    }

    /// <summary>A JSON scalar's text: strings unquoted, numbers and booleans as written, anything else as JSON.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>The JSON kind name Go's decoder reports: string, number, bool, array, object.</summary>
    public static string JsonKind(JsonNode? node) => node switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            _ => "null",
        },
        _ => "null",
    };
}
