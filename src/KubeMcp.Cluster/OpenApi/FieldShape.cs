using k8s.Models;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// The wire shape of one model property, derived from its CLR type in the KubernetesClient models.
/// </summary>
/// <param name="Kind">What kind of JSON value the property holds.</param>
/// <param name="ModelType">For <see cref="ShapeKind.Object"/>: the nested model class.</param>
/// <param name="Element">For arrays and maps: the shape of each element.</param>
internal sealed record FieldShape(ShapeKind Kind, Type? ModelType = null, FieldShape? Element = null)
{
    private static readonly FieldShape StringShape = new(ShapeKind.String);

    public static FieldShape Of(Type clr)
    {
        var type = Nullable.GetUnderlyingType(clr) ?? clr;
        if (type == typeof(string))
        {
            return StringShape;
        }
        if (type == typeof(int))
        {
            return new(ShapeKind.Int32);
        }
        if (type == typeof(long))
        {
            return new(ShapeKind.Int64);
        }
        if (type == typeof(bool))
        {
            return new(ShapeKind.Boolean);
        }
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return new(ShapeKind.Double);
        }
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return new(ShapeKind.DateTime);
        }
        if (type == typeof(byte[]))
        {
            return new(ShapeKind.Bytes);
        }
        if (type == typeof(IntOrString))
        {
            return new(ShapeKind.IntOrString);
        }
        if (type == typeof(ResourceQuantity))
        {
            return new(ShapeKind.Quantity);
        }
        if (type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            var definition = type.GetGenericTypeDefinition();
            if (args.Length == 2 && args[0] == typeof(string) && IsDictionary(definition))
            {
                return new(ShapeKind.Map, Element: Of(args[1]));
            }
            if (args.Length == 1 && IsList(definition))
            {
                return new(ShapeKind.Array, Element: Of(args[0]));
            }
        }
        return ModelShapes.IsModel(type) ? new(ShapeKind.Object, type) : new(ShapeKind.Any);
    }

    /// <summary>The Go type name the real API server reports in decoding errors, e.g. <c>int32</c>, <c>[]v1.Container</c>.</summary>
    public string GoTypeName => Kind switch
    {
        ShapeKind.String => "string",
        ShapeKind.Int32 => "int32",
        ShapeKind.Int64 => "int64",
        ShapeKind.Boolean => "bool",
        ShapeKind.Double => "float64",
        ShapeKind.DateTime => "v1.Time",
        ShapeKind.Bytes => "[]uint8",
        ShapeKind.IntOrString => "intstr.IntOrString",
        ShapeKind.Quantity => "resource.Quantity",
        ShapeKind.Any => "runtime.RawExtension",
        ShapeKind.Object => GoStructName(ModelType!),
        ShapeKind.Array => "[]" + Element!.GoTypeName,
        ShapeKind.Map => "map[string]" + Element!.GoTypeName,
        _ => "interface {}",
    };

    private static string GoStructName(Type model)
    {
        var name = DefinitionNames.Of(model);
        var parts = name.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : name;
    }

    private static bool IsDictionary(Type definition) =>
        definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) ||
        definition == typeof(IReadOnlyDictionary<,>);

    private static bool IsList(Type definition) =>
        definition == typeof(IList<>) || definition == typeof(List<>) || definition == typeof(IEnumerable<>) ||
        definition == typeof(ICollection<>) || definition == typeof(IReadOnlyList<>);
}
