using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Server.Formatting;

/// <summary>Null-tolerant reads of Kubernetes objects in their JSON shape.</summary>
internal static class JsonFields
{
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public static string? Str(this JsonNode? node, string path) =>
        node.At(path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static long? Long(this JsonNode? node, string path) =>
        node.At(path) is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) ? l : null;

    public static bool Bool(this JsonNode? node, string path) =>
        node.At(path) is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node, string path) =>
        node.At(path) is JsonArray a ? a.OfType<JsonObject>() : [];
}
