using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// Lenient readers over client-supplied or stored JSON: a field of the wrong type reads as absent instead of throwing,
/// because reviews and RBAC objects come from users and a malformed one must not fail unrelated requests.
/// </summary>
internal static class JsonValues
{
    public static string String(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : "";

    public static IReadOnlyList<string> Strings(JsonNode? node, string property)
    {
        if (node is not JsonObject obj || obj[property] is not JsonArray array)
        {
            return [];
        }
        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                result.Add(value.GetValue<string>());
            }
        }
        return result;
    }

    public static JsonObject? Object(JsonNode? node, string property) =>
        node is JsonObject obj ? obj[property] as JsonObject : null;

    public static IEnumerable<JsonObject> Objects(JsonNode? node, string property) =>
        node is JsonObject obj && obj[property] is JsonArray array ? array.OfType<JsonObject>() : [];

    /// <summary>An integral number; also accepts <c>3600.0</c>, which some clients write for integer fields.</summary>
    public static long? Integer(JsonNode? node, string property)
    {
        if (node is not JsonObject obj || obj[property] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }
        // The text form works whatever CLR type backs the node (parsed JsonElement, int, long, double...).
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) &&
            real == Math.Floor(real) && Math.Abs(real) < 9e18
            ? (long)real
            : null;
    }

    public static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
