using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>
/// Small helpers for filling in defaults. They tolerate malformed input (a string where an object belongs): such a
/// field is left alone, and validation reports it.
/// </summary>
internal static class Json
{
    /// <summary>The object under <paramref name="key"/>; created when absent or null if <paramref name="create"/>;
    /// null when the field holds something other than an object.</summary>
    public static JsonObject? Object(JsonObject? parent, string key, bool create = false)
    {
        if (parent is null)
        {
            return null;
        }
        switch (parent[key])
        {
            case JsonObject existing:
                return existing;
            case null when create:
                var created = new JsonObject();
                parent[key] = created;
                return created;
            default:
                return null;
        }
    }

    /// <summary>Sets the field when it is absent or null.</summary>
    public static void Default(JsonObject? obj, string key, JsonNode value)
    {
        if (obj is not null && obj[key] is null)
        {
            obj[key] = value;
        }
    }

    /// <summary>Sets a string field when it is absent, null or empty (Go's zero value).</summary>
    public static void DefaultString(JsonObject? obj, string key, string value)
    {
        if (obj is not null && (obj[key] is null || (obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length == 0)))
        {
            obj[key] = value;
        }
    }

    public static bool IsSet(JsonObject? obj, string key) => obj?[key] is not null;

    /// <summary>True when the field is absent, null, an empty string, zero or an empty object/array.</summary>
    public static bool IsZero(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>().Length == 0,
            JsonValueKind.Number => v.ToJsonString() is "0" or "0.0" or "-0",
            JsonValueKind.False or JsonValueKind.Null => true,
            _ => false,
        },
        _ => false,
    };
}
