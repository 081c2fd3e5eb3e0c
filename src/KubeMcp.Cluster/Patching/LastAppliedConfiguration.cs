using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// The bridge between kubectl's client-side apply (its <c>kubectl.kubernetes.io/last-applied-configuration</c>
/// annotation) and server-side apply, which the API server maintains for the field manager <c>kubectl</c>.
/// </summary>
internal static class LastAppliedConfiguration
{
    /// <summary>The annotation kubectl's client-side apply keeps its last configuration in.</summary>
    public const string Key = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>
    /// The fields kubectl's client-side apply set (per the last-applied annotation) that still have those values:
    /// kubectl's server-side apply may take them over without a conflict.
    /// </summary>
    public static FieldSet? AllowedConflicts(JsonObject live, string apiVersion, TypeSchema schema)
    {
        if (Annotation(live, Key) is not { Length: > 0 } text)
        {
            return null;
        }
        JsonObject? lastApplied;
        try
        {
            lastApplied = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (lastApplied is null || (lastApplied["apiVersion"] as JsonValue)?.ToString() != apiVersion)
        {
            return null;
        }
        var comparison = ObjectFields.Compare(lastApplied, live, schema);
        return ObjectFields.ToFieldSet(lastApplied, schema)
            .Difference(comparison.Modified).Difference(comparison.Added).Difference(comparison.Removed);
    }

    /// <summary>The annotation value kubectl's server-side apply keeps in sync: the applied object, encoded as Go does.</summary>
    public static string Encode(JsonObject applied)
    {
        var copy = (JsonObject)applied.DeepClone();
        (copy["metadata"]?["annotations"] as JsonObject)?.Remove(Key);
        return JsonValues.Canonical(copy).Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026") + "\n";
    }


    public static string? Annotation(JsonObject obj, string key) =>
        obj["metadata"]?["annotations"]?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static void SetAnnotation(JsonObject obj, string key, string value)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            obj["metadata"] = metadata = [];
        }
        if (metadata["annotations"] is not JsonObject annotations)
        {
            metadata["annotations"] = annotations = [];
        }
        annotations[key] = value;
    }
}
