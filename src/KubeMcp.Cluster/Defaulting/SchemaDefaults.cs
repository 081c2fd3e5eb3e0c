using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Defaulting;

/// <summary>
/// Structural-schema defaulting for custom resources: every absent property whose schema has a <c>default</c> gets
/// a copy of it, in objects, map values and array items, top-down as the API server applies them.
/// </summary>
internal static class SchemaDefaults
{
    public static void Apply(JsonObject? schema, JsonNode? value)
    {
        if (schema is null || value is null)
        {
            return;
        }
        switch (value)
        {
            case JsonObject obj:
                if (schema["properties"] is JsonObject properties)
                {
                    foreach (var (name, propertySchema) in properties)
                    {
                        if (propertySchema is not JsonObject ps)
                        {
                            continue;
                        }
                        if (!obj.ContainsKey(name) && ps["default"] is { } fallback)
                        {
                            obj[name] = fallback.DeepClone();
                        }
                        Apply(ps, obj[name]);
                    }
                }
                else if (schema["additionalProperties"] is JsonObject valueSchema)
                {
                    foreach (var (_, child) in obj)
                    {
                        Apply(valueSchema, child);
                    }
                }
                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                foreach (var item in array)
                {
                    Apply(itemSchema, item);
                }
                break;
        }
    }
}
