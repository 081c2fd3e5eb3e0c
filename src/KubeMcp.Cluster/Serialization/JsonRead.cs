using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Serialization;

/// <summary>
/// Lenient reads of fields from objects in the Kubernetes wire shape: a missing field, or one of an unexpected JSON type,
/// reads as absent, because printers, reviews and RBAC objects meet user-written JSON and an odd object must not fail
/// unrelated requests.
/// </summary>
internal static class JsonRead
{
    /// <summary>The node at <paramref name="path"/> (object keys), or null when any step is missing.</summary>
    public static JsonNode? At(this JsonNode? node, params ReadOnlySpan<string> path)
    {
        foreach (var key in path)
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(key, out node))
            {
                return null;
            }
        }
        return node;
    }

    public static JsonObject? Obj(this JsonNode? node, params ReadOnlySpan<string> path) => node.At(path) as JsonObject;

    public static string? Str(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? AsString(v) : null;

    /// <summary>The string at <paramref name="path"/>, or the empty string, like a Go zero value.</summary>
    public static string Text(this JsonNode? node, params ReadOnlySpan<string> path) => node.Str(path) ?? "";

    public static long? Long(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonValue v ? AsLong(v) : null;

    public static bool? Bool(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonValue v ? v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    /// <summary>The objects in the array at <paramref name="path"/>; entries that are not objects are skipped.</summary>
    public static IReadOnlyList<JsonObject> Objects(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonArray array ? array.OfType<JsonObject>().ToList() : [];

    /// <summary>The strings in the array at <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Strings(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(AsString).ToList()
            : [];

    /// <summary>Entries of an array, or properties of an object: what Go's <c>len()</c> gives for a list or map.</summary>
    public static int Count(this JsonNode? node, params ReadOnlySpan<string> path) => node.At(path) switch
    {
        JsonArray a => a.Count,
        JsonObject o => o.Count,
        _ => 0,
    };

    /// <summary>The string properties of the map at <paramref name="path"/>.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> StringMap(this JsonNode? node, params ReadOnlySpan<string> path) =>
        node.At(path) is JsonObject map
            ? map.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                .Select(p => KeyValuePair.Create(p.Key, AsString((JsonValue)p.Value!)))
                .ToList()
            : [];

    /// <summary>
    /// An int-or-string field as Go's <c>IntOrString.String()</c> prints it, or null when absent.
    /// </summary>
    public static string? IntOrString(this JsonNode? node, params ReadOnlySpan<string> path) => node.At(path) switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => AsString(v),
        JsonValue v when AsLong(v) is { } n => n.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public static long? AsLong(JsonValue v)
    {
        if (v.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }
        if (v.TryGetValue<long>(out var l))
        {
            return l;
        }
        // Values built in code (int, double, decimal…) rather than parsed: go through their JSON text.
        var text = v.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out l))
        {
            return l;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
               && d == Math.Floor(d) && d is >= long.MinValue and <= long.MaxValue
            ? (long)d
            : null;
    }

    public static string AsString(JsonValue v) =>
        v.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(v.ToJsonString()) ?? "";
}
