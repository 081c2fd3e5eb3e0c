using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Merges an applied configuration into a live object as structured-merge-diff does: granular objects merge member
/// by member, associative lists item by item, and everything else (scalars, atomic lists, atomic structs and maps)
/// takes the applied value.
/// </summary>
internal static class StructuredMerge
{
    public static JsonNode? Merge(JsonNode? live, JsonNode? applied, TypeSchema schema)
    {
        var objects = (live is null or JsonObject) && (applied is null or JsonObject)
            && schema.Kind != SchemaKind.List && !schema.Atomic && (live ?? applied) is not null;
        if (objects)
        {
            var l = live as JsonObject;
            var r = applied as JsonObject;
            if ((l is null || l.Count == 0) && (r is null || r.Count == 0))
            {
                return applied?.DeepClone();
            }
            // An explicit null for a granular object keeps what is there.
            if (r is null)
            {
                return l!.DeepClone();
            }
            var result = new JsonObject();
            foreach (var (key, value) in l ?? [])
            {
                result[key] = r.TryGetPropertyValue(key, out var update)
                    ? Merge(value, update, schema.Field(key))
                    : value?.DeepClone();
            }
            foreach (var (key, value) in r)
            {
                if (l is null || !l.ContainsKey(key))
                {
                    result[key] = value?.DeepClone();
                }
            }
            return result;
        }
        var lists = (live is null or JsonArray) && (applied is null or JsonArray)
            && schema.Kind == SchemaKind.List && schema.ListType != ListType.Atomic && (live ?? applied) is not null;
        if (lists)
        {
            var l = live as JsonArray;
            var r = applied as JsonArray;
            if ((l is null || l.Count == 0) && (r is null || r.Count == 0))
            {
                return applied?.DeepClone();
            }
            if (r is null)
            {
                return l!.DeepClone();
            }
            return l is null ? r.DeepClone() : ListItems.Merge(l, r, schema, Merge);
        }
        return applied?.DeepClone();
    }
}
