using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Builds the merge schema of a custom resource from its CRD version's <c>openAPIV3Schema</c>, honouring the
/// structural-schema extensions apply looks at: <c>x-kubernetes-list-type</c>, <c>x-kubernetes-list-map-keys</c>
/// (with key defaults), <c>x-kubernetes-map-type</c> and <c>x-kubernetes-preserve-unknown-fields</c>.
/// </summary>
internal static class OpenApiSchemas
{
    /// <summary>The schema of a whole custom resource; without an OpenAPI schema everything is deduced.</summary>
    public static TypeSchema ForCustomResource(JsonObject? openApiV3Schema) =>
        (openApiV3Schema is null ? TypeSchema.Struct() : Convert(openApiV3Schema))
            .With(("metadata", BuiltinSchemas.ObjectMeta.Present()));

    private static TypeSchema Convert(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return TypeSchema.Deduced;
        }
        var atomic = Text(schema, "x-kubernetes-map-type") == "atomic";
        switch (Text(schema, "type"))
        {
            case "object" when schema["properties"] is JsonObject properties:
                return TypeSchema.Struct(properties.Select(p => (p.Key, Convert(p.Value))).ToArray()) with { Atomic = atomic };
            case "object" when schema["additionalProperties"] is JsonObject values:
                return TypeSchema.MapOf(Convert(values), atomic);
            case "object":
                return atomic ? TypeSchema.AtomicStruct() : TypeSchema.Deduced;
            case "array":
                return List(schema);
            default:
                return TypeSchema.Deduced;
        }
    }

    private static TypeSchema List(JsonObject schema)
    {
        var items = Convert(schema["items"]);
        var listType = Text(schema, "x-kubernetes-list-type") switch
        {
            "map" => ListType.Map,
            "set" => ListType.Set,
            _ => ListType.Atomic,
        };
        var keys = schema["x-kubernetes-list-map-keys"] is JsonArray names
            ? names.Select(n => n?.GetValue<string>() ?? "").Where(n => n.Length > 0).ToArray()
            : [];
        var defaults = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (schema["items"]?["properties"]?[key]?["default"] is { } value)
            {
                defaults[key] = value.DeepClone();
            }
        }
        return new TypeSchema
        {
            Kind = SchemaKind.List,
            Element = items,
            ListType = listType == ListType.Map && keys.Length == 0 ? ListType.Atomic : listType,
            ListKeys = keys,
            KeyDefaults = defaults.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private static string? Text(JsonObject schema, string name) =>
        schema[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
