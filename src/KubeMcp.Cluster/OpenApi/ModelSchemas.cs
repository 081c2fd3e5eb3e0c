using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using k8s.Models;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// OpenAPI schema definitions generated from the KubernetesClient model classes. Definitions are cached for the
/// process and shared between documents, so callers must write them out (<c>WriteTo</c>) or clone them, never
/// attach or mutate them.
/// </summary>
internal static class ModelSchemas
{
    private static readonly ConcurrentDictionary<(Type, SchemaDialect), JsonObject> Cache = new();

    public static string RefTo(string definitionName, SchemaDialect dialect) =>
        (dialect == SchemaDialect.Swagger2 ? "#/definitions/" : "#/components/schemas/") + definitionName;

    /// <summary>The model classes and leaf types (IntOrString, Quantity) whose definitions the roots need.</summary>
    public static IReadOnlyList<Type> DefinitionTypes(IEnumerable<Type> roots)
    {
        var models = ModelShapes.Closure(roots);
        var result = new List<Type>(models);
        var leaves = models.SelectMany(ModelShapes.FieldsOf).Select(f => Leaf(f.Shape)).OfType<Type>().Distinct();
        result.AddRange(leaves);
        return result;
    }

    /// <summary>The definition of a model class or leaf type.</summary>
    public static JsonObject Definition(Type type, SchemaDialect dialect) =>
        Cache.GetOrAdd((type, dialect), static key => Build(key.Item1, key.Item2));

    /// <summary>The schema of a reference to a definition, with an optional field description.</summary>
    public static JsonObject Reference(string definitionName, string? description, SchemaDialect dialect)
    {
        var schema = new JsonObject();
        if (dialect == SchemaDialect.OpenApi3 && description is not null)
        {
            schema["allOf"] = new JsonArray(new JsonObject { ["$ref"] = RefTo(definitionName, dialect) });
        }
        else
        {
            schema["$ref"] = RefTo(definitionName, dialect);
        }
        if (description is not null)
        {
            schema["description"] = description;
        }
        return schema;
    }

    private static JsonObject Build(Type type, SchemaDialect dialect)
    {
        if (type == typeof(IntOrString))
        {
            var schema = new JsonObject
            {
                ["description"] = "IntOrString is a type that can hold an int32 or a string.",
                ["format"] = "int-or-string",
            };
            if (dialect == SchemaDialect.Swagger2)
            {
                schema["type"] = "string";
            }
            else
            {
                schema["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
            }
            return schema;
        }
        if (type == typeof(ResourceQuantity))
        {
            var schema = new JsonObject
            {
                ["description"] = "Quantity is a fixed-point representation of a number, e.g. 100m, 1.5Gi or 2.",
            };
            if (dialect == SchemaDialect.Swagger2)
            {
                schema["type"] = "string";
            }
            else
            {
                schema["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "number" });
            }
            return schema;
        }
        return BuildModel(type, dialect);
    }

    private static JsonObject BuildModel(Type type, SchemaDialect dialect)
    {
        var definition = new JsonObject();
        if (ModelDocs.ForType(type) is { } description)
        {
            definition["description"] = description;
        }
        definition["type"] = "object";
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in ModelShapes.FieldsOf(type))
        {
            properties[field.JsonName] = PropertySchema(type, field, dialect);
            if (field.Required)
            {
                required.Add(field.JsonName);
            }
        }
        definition["properties"] = properties;
        if (required.Count > 0)
        {
            definition["required"] = required;
        }
        var entity = type.GetCustomAttribute<KubernetesEntityAttribute>();
        if (entity is not null && !DefinitionNames.Of(type).StartsWith("io.k8s.apimachinery.", StringComparison.Ordinal))
        {
            definition["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(entity.Group ?? "", entity.ApiVersion, entity.Kind));
        }
        return definition;
    }

    /// <summary>A group-version-kind object, keyed exactly as kubectl compares them.</summary>
    public static JsonObject Gvk(string group, string version, string kind) =>
        new() { ["group"] = group, ["kind"] = kind, ["version"] = version };

    private static JsonObject PropertySchema(Type owner, ModelField field, SchemaDialect dialect)
    {
        var description = ModelDocs.ForProperty(field.Property);
        var schema = field.Shape.Kind is ShapeKind.Object or ShapeKind.IntOrString or ShapeKind.Quantity
            ? Reference(DefinitionNames.Of(field.Shape.ModelType ?? Leaf(field.Shape)!), description, dialect)
            : ShapeSchema(field.Shape, dialect);
        if (description is not null && !schema.ContainsKey("description"))
        {
            schema["description"] = description;
        }
        if (field.Shape.Kind == ShapeKind.Array && ListSemantics.Of(owner.Name, field.JsonName) is { } list)
        {
            if (list.ListMapKeys.Count > 0)
            {
                schema["x-kubernetes-list-map-keys"] = new JsonArray([.. list.ListMapKeys.Select(k => JsonValue.Create(k))]);
            }
            if (list.ListType is not null)
            {
                schema["x-kubernetes-list-type"] = list.ListType;
            }
            if (list.PatchMergeKey is not null)
            {
                schema["x-kubernetes-patch-merge-key"] = list.PatchMergeKey;
            }
            if (list.PatchStrategy is not null)
            {
                schema["x-kubernetes-patch-strategy"] = list.PatchStrategy;
            }
        }
        else if (ListSemantics.Of(owner.Name, field.JsonName) is { PatchStrategy: { } strategy })
        {
            schema["x-kubernetes-patch-strategy"] = strategy;
        }
        return schema;
    }

    private static JsonObject ShapeSchema(FieldShape shape, SchemaDialect dialect) => shape.Kind switch
    {
        ShapeKind.String => new() { ["type"] = "string" },
        ShapeKind.Int32 => new() { ["type"] = "integer", ["format"] = "int32" },
        ShapeKind.Int64 => new() { ["type"] = "integer", ["format"] = "int64" },
        ShapeKind.Boolean => new() { ["type"] = "boolean" },
        ShapeKind.Double => new() { ["type"] = "number", ["format"] = "double" },
        ShapeKind.DateTime => new() { ["type"] = "string", ["format"] = "date-time" },
        ShapeKind.Bytes => new() { ["type"] = "string", ["format"] = "byte" },
        ShapeKind.IntOrString or ShapeKind.Quantity or ShapeKind.Object =>
            new() { ["$ref"] = RefTo(DefinitionNames.Of(shape.ModelType ?? Leaf(shape)!), dialect) },
        ShapeKind.Array => new() { ["type"] = "array", ["items"] = ShapeSchema(shape.Element!, dialect) },
        ShapeKind.Map => new() { ["type"] = "object", ["additionalProperties"] = ShapeSchema(shape.Element!, dialect) },
        // Arbitrary JSON: no type, so every validator accepts any value.
        _ => dialect == SchemaDialect.OpenApi3 ? new() { ["x-kubernetes-preserve-unknown-fields"] = true } : new(),
    };

    private static Type? Leaf(FieldShape shape)
    {
        for (var s = shape; s is not null; s = s.Element)
        {
            if (s.Kind == ShapeKind.IntOrString)
            {
                return typeof(IntOrString);
            }
            if (s.Kind == ShapeKind.Quantity)
            {
                return typeof(ResourceQuantity);
            }
        }
        return null;
    }
}
