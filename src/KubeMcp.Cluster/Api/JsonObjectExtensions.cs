using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Api;

/// <summary>Small accessors for the Kubernetes wire shape, so code reads like the field paths it touches.</summary>
internal static class JsonObjectExtensions
{
    public static JsonObject Meta(this JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }
        meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    public static string Name(this JsonObject obj) => obj["metadata"]?["name"]?.ToString() ?? "";

    public static string Namespace(this JsonObject obj) => obj["metadata"]?["namespace"]?.ToString() ?? "";

    public static string Uid(this JsonObject obj) => obj["metadata"]?["uid"]?.ToString() ?? "";

    public static JsonObject? Labels(this JsonObject obj) => obj["metadata"]?["labels"] as JsonObject;

    public static JsonObject? Annotations(this JsonObject obj) => obj["metadata"]?["annotations"] as JsonObject;

    public static long ResourceVersionNumber(this JsonObject obj) =>
        long.TryParse(obj["metadata"]?["resourceVersion"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    /// <summary>Reads a dotted path such as <c>spec.template.metadata.labels</c>; null when any step is missing.</summary>
    public static JsonNode? At(this JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    /// <summary>Gets or creates the object at a dotted path.</summary>
    public static JsonObject Ensure(this JsonObject obj, string path)
    {
        var current = obj;
        foreach (var segment in path.Split('.'))
        {
            if (current[segment] is not JsonObject next)
            {
                next = new JsonObject();
                current[segment] = next;
            }
            current = next;
        }
        return current;
    }

    public static string? Str(this JsonObject obj, string path) => obj.At(path) is JsonValue v ? v.ToString() : null;

    /// <summary>
    /// Reads an integer, whether the node came from parsed JSON or was created in memory from an int, long or double
    /// (JsonValue only converts to the exact CLR type it was created with).
    /// </summary>
    public static long? Int(this JsonObject obj, string path) => AsLong(obj.At(path));

    /// <summary>The node's value when it is an integral number (however it was created), else null.</summary>
    public static long? AsInteger(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : null;

    public static long? AsLong(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? (long)d
            : null;

    public static string Timestamp(this DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
