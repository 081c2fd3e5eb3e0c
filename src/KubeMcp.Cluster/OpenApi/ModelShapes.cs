using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// Reflects over the KubernetesClient model classes (generated from the upstream OpenAPI document) to find each
/// class's serialized fields and their wire shapes. Results are cached for the process: the models never change.
/// </summary>
internal static class ModelShapes
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ModelField>> Fields = new();
    private static readonly ConcurrentDictionary<Type, bool> Models = new();

    /// <summary>True for a KubernetesClient model class with serialized properties.</summary>
    public static bool IsModel(Type type) => Models.GetOrAdd(type, static t =>
        t.IsClass && t.Namespace == typeof(V1Pod).Namespace && t.Assembly == typeof(V1Pod).Assembly &&
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null));

    /// <summary>The serialized fields of a model class, ordered by wire name.</summary>
    public static IReadOnlyList<ModelField> FieldsOf(Type model) => Fields.GetOrAdd(model, static t =>
    [
        .. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(x => x.Name is not null)
            .Select(x => new ModelField(x.Name!, x.Property, FieldShape.Of(x.Property.PropertyType), IsRequired(t, x.Name!, x.Property)))
            .OrderBy(f => f.JsonName, StringComparer.Ordinal),
    ]);

    /// <summary>Finds a field by wire name (case-sensitive, like the API server's decoder).</summary>
    public static ModelField? Field(Type model, string jsonName)
    {
        foreach (var field in FieldsOf(model))
        {
            if (field.JsonName == jsonName)
            {
                return field;
            }
        }
        return null;
    }

    /// <summary>
    /// All model classes reachable from the given roots (roots included), in discovery order. The generated models
    /// make a required value-typed field non-nullable; required reference-typed fields are not marked, see
    /// <see cref="RequiredFields"/>.
    /// </summary>
    public static IReadOnlyList<Type> Closure(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var order = new List<Type>();
        var queue = new Queue<Type>(roots);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type))
            {
                continue;
            }
            order.Add(type);
            foreach (var field in FieldsOf(type))
            {
                foreach (var nested in NestedModels(field.Shape))
                {
                    if (!seen.Contains(nested))
                    {
                        queue.Enqueue(nested);
                    }
                }
            }
        }
        return order;
    }

    /// <summary>The model classes a shape refers to directly.</summary>
    public static IEnumerable<Type> NestedModels(FieldShape shape)
    {
        for (var s = shape; s is not null; s = s.Element)
        {
            if (s.Kind == ShapeKind.Object)
            {
                yield return s.ModelType!;
            }
        }
    }

    private static bool IsRequired(Type model, string jsonName, PropertyInfo property) =>
        (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null) ||
        RequiredFields.Contains(model.Name, jsonName);
}
