using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// Schema definitions for custom resources, from the CRD version's <c>schema.openAPIV3Schema</c>: the structural
/// schema with the common fields (apiVersion, kind, metadata) filled in as a real API server publishes them.
/// </summary>
internal static class CustomResourceSchemas
{
    /// <summary>The CRD version's structural schema, or a permissive object schema when the CRD has none.</summary>
    public static JsonObject SourceSchema(ResourceType type) =>
        type.CustomResourceVersion?["schema"]?["openAPIV3Schema"] is JsonObject schema
            ? schema
            : new JsonObject { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };

    public static string KindName(ResourceType type) =>
        DefinitionNames.ForKind(type.Group, type.Version, type.Kind, custom: true);

    public static string ListName(ResourceType type) =>
        DefinitionNames.ForKind(type.Group, type.Version, type.Kind + "List", custom: true);

    /// <summary>The kind's definition.</summary>
    public static JsonObject Kind(ResourceType type, SchemaDialect dialect)
    {
        var schema = (JsonObject)SourceSchema(type).DeepClone();
        if (dialect == SchemaDialect.Swagger2)
        {
            DowngradeToSwagger2(schema);
        }
        schema["type"] = "object";
        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["apiVersion"] = new JsonObject { ["description"] = StandardDescriptions.ApiVersion, ["type"] = "string" };
        properties["kind"] = new JsonObject { ["description"] = StandardDescriptions.Kind, ["type"] = "string" };
        properties["metadata"] = ModelSchemas.Reference(DefinitionNames.ObjectMeta, StandardDescriptions.ObjectMeta, dialect);
        schema["x-kubernetes-group-version-kind"] = new JsonArray(ModelSchemas.Gvk(type.Group, type.Version, type.Kind));
        return schema;
    }

    /// <summary>The list kind's definition.</summary>
    public static JsonObject List(ResourceType type, string kindDefinition, SchemaDialect dialect) => new()
    {
        ["description"] = $"{type.Kind}List is a list of {type.Kind}",
        ["type"] = "object",
        ["required"] = new JsonArray("items"),
        ["properties"] = new JsonObject
        {
            ["apiVersion"] = new JsonObject { ["description"] = StandardDescriptions.ApiVersion, ["type"] = "string" },
            ["items"] = new JsonObject
            {
                ["description"] = $"List of {type.Plural}.",
                ["type"] = "array",
                ["items"] = new JsonObject { ["$ref"] = ModelSchemas.RefTo(kindDefinition, dialect) },
            },
            ["kind"] = new JsonObject { ["description"] = StandardDescriptions.Kind, ["type"] = "string" },
            ["metadata"] = ModelSchemas.Reference(DefinitionNames.ListMeta, StandardDescriptions.ListMeta, dialect),
        },
        ["x-kubernetes-group-version-kind"] = new JsonArray(ModelSchemas.Gvk(type.Group, type.Version, type.Kind + "List")),
    };

    /// <summary>
    /// Swagger 2.0 has no <c>nullable</c> and validators of it mishandle the combinators, so they are dropped, as
    /// the real API server does when publishing CRD schemas in <c>/openapi/v2</c>.
    /// </summary>
    private static void DowngradeToSwagger2(JsonObject schema)
    {
        foreach (var key in (string[])["nullable", "oneOf", "anyOf", "allOf", "not"])
        {
            schema.Remove(key);
        }
        if (schema["x-kubernetes-int-or-string"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            schema.Remove("type");
        }
        // Only walk into subschemas: defaults, examples and enums are data and field names are user-chosen.
        foreach (var mapKey in (string[])["properties", "patternProperties", "definitions"])
        {
            if (schema[mapKey] is JsonObject map)
            {
                foreach (var (_, child) in map)
                {
                    if (child is JsonObject childSchema)
                    {
                        DowngradeToSwagger2(childSchema);
                    }
                }
            }
        }
        foreach (var key in (string[])["items", "additionalProperties", "additionalItems"])
        {
            switch (schema[key])
            {
                case JsonObject child:
                    DowngradeToSwagger2(child);
                    break;
                case JsonArray children:
                    foreach (var child in children.OfType<JsonObject>())
                    {
                        DowngradeToSwagger2(child);
                    }
                    break;
            }
        }
    }
}
