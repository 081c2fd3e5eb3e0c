using KubeMcp.Cluster.Api;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Validation;

/// <summary>Typed reads from a JSON object that answer null for absent or mistyped fields (the field checker
/// reports wrong types before validation runs).</summary>
internal static class Node
{
    public static JsonObject? Obj(JsonNode? parent, string key) => (parent as JsonObject)?[key] as JsonObject;

    public static JsonArray? Arr(JsonNode? parent, string key) => (parent as JsonObject)?[key] as JsonArray;

    public static string? Str(JsonNode? parent, string key) =>
        (parent as JsonObject)?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static long? Int(JsonNode? parent, string key) =>
        JsonObjectExtensions.AsInteger((parent as JsonObject)?[key]);

    public static bool? Bool(JsonNode? parent, string key) =>
        (parent as JsonObject)?[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static bool Has(JsonNode? parent, string key) => (parent as JsonObject)?[key] is not null;

    public static IEnumerable<(JsonObject Item, int Index)> Items(JsonNode? parent, string key) =>
        Arr(parent, key) is { } array ? array.Select((n, i) => (n as JsonObject, i)).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.i)) : [];

    /// <summary>String-valued entries of a map field (e.g. labels).</summary>
    public static IEnumerable<KeyValuePair<string, string>> StringMap(JsonNode? parent, string key) =>
        Obj(parent, key) is { } map
            ? map.Where(kv => kv.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                 .Select(kv => KeyValuePair.Create(kv.Key, kv.Value!.GetValue<string>()))
            : [];

    /// <summary>Structural equality of two JSON values, ignoring object key order.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
