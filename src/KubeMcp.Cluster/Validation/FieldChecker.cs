using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.OpenApi;
using KubeMcp.Cluster.Serialization;
using k8s.Models;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// Walks an object against its kind's schema (the KubernetesClient model for built-in kinds, the CRD's structural
/// schema for custom resources) to find unknown fields and, for built-in kinds, values Go's JSON decoder would
/// refuse. Optionally removes the unknown fields, as decoding into typed structs (or CRD pruning) does.
/// </summary>
internal sealed class FieldChecker
{
    private static readonly string[] TypeMetaFields = ["apiVersion", "kind", "metadata"];

    private readonly List<string> _unknown = [];
    private readonly bool _prune;
    private string? _decodeError;

    private FieldChecker(bool prune) => _prune = prune;

    public static (IReadOnlyList<string> Unknown, string? DecodeError) Check(ResourceType type, JsonObject obj, bool prune)
    {
        var checker = new FieldChecker(prune);
        if (type.IsCustom)
        {
            checker.CustomObject(CustomResourceSchemas.SourceSchema(type), obj);
        }
        else if (type.ModelType is { } model)
        {
            checker.Model(model, obj, "", "", ShortName(model));
        }
        var decode = checker._decodeError is null ? null : $"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: {checker._decodeError}";
        return (checker._unknown, decode);
    }

    private void Model(Type model, JsonObject obj, string path, string goPath, string structName)
    {
        foreach (var (name, value) in obj.ToList())
        {
            var field = ModelShapes.Field(model, name);
            var childPath = Join(path, name);
            if (field is null)
            {
                Unknown(obj, name, childPath);
                continue;
            }
            Value(field.Shape, value, childPath, Join(goPath, name), structName);
        }
    }

    private void Value(FieldShape shape, JsonNode? value, string path, string goPath, string structName)
    {
        if (value is null || _decodeError is not null)
        {
            return;
        }
        switch (shape.Kind)
        {
            case ShapeKind.Object when value is JsonObject nested:
                Model(shape.ModelType!, nested, path, goPath, ShortName(shape.ModelType!));
                return;
            case ShapeKind.Array when value is JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Value(shape.Element!, array[i], $"{path}[{i}]", goPath, structName);
                }
                return;
            case ShapeKind.Map when value is JsonObject map:
                foreach (var (key, item) in map)
                {
                    Value(shape.Element!, item, $"{path}.{key}", goPath, structName);
                }
                return;
            case ShapeKind.Any:
                return;
            case ShapeKind.Quantity:
                if (value is not JsonValue q || !Quantity.TryParse(Go.Text(q), out _))
                {
                    _decodeError = Quantity.FormatError;
                }
                return;
            case ShapeKind.IntOrString:
                if (Go.JsonKind(value) is not ("string" or "number"))
                {
                    _decodeError = $"json: cannot unmarshal {Go.JsonKind(value)} into Go value of type int32";
                }
                else if (Go.JsonKind(value) == "number" && !FitsInteger(value, int.MinValue, int.MaxValue))
                {
                    _decodeError = $"json: cannot unmarshal number {value.ToJsonString()} into Go value of type int32";
                }
                return;
            case ShapeKind.DateTime:
                if (Go.JsonKind(value) != "string")
                {
                    _decodeError = $"json: cannot unmarshal {Go.JsonKind(value)} into Go value of type string";
                }
                else if (!DateTime.TryParse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
                {
                    var text = Go.Quote(value.GetValue<string>());
                    _decodeError = $"parsing time {text} as \"2006-01-02T15:04:05Z07:00\": cannot parse {text} as \"2006\"";
                }
                return;
            case ShapeKind.Bytes when Go.JsonKind(value) == "string":
                if (InvalidBase64At(value.GetValue<string>()) is { } at)
                {
                    _decodeError = $"illegal base64 data at input byte {at}";
                }
                return;
        }
        if (!Accepts(shape.Kind, value))
        {
            var kind = Go.JsonKind(value);
            if (kind == "number")
            {
                kind = "number " + value.ToJsonString();
            }
            _decodeError = $"json: cannot unmarshal {kind} into Go struct field {structName}.{goPath} of type {shape.GoTypeName}";
        }
    }

    private static bool Accepts(ShapeKind kind, JsonNode value) => kind switch
    {
        ShapeKind.String or ShapeKind.Bytes => Go.JsonKind(value) == "string",
        ShapeKind.Boolean => Go.JsonKind(value) == "bool",
        ShapeKind.Int32 => FitsInteger(value, int.MinValue, int.MaxValue),
        ShapeKind.Int64 => FitsInteger(value, long.MinValue, long.MaxValue),
        ShapeKind.Double => Go.JsonKind(value) == "number",
        _ => false,
    };

    private static bool FitsInteger(JsonNode value, long min, long max) =>
        JsonObjectExtensions.AsInteger(value) is long n && n >= min && n <= max;

    private void CustomObject(JsonObject schema, JsonObject obj)
    {
        foreach (var (name, value) in obj.ToList())
        {
            if (name == "metadata" && value is JsonObject metadata)
            {
                Model(typeof(V1ObjectMeta), metadata, "metadata", "metadata", "ObjectMeta");
            }
            else if (!TypeMetaFields.Contains(name))
            {
                SchemaValue(schema, obj, name, value, name);
            }
        }
    }

    /// <summary>Checks one property of <paramref name="owner"/> against the object schema it belongs to.</summary>
    private void SchemaValue(JsonObject ownerSchema, JsonObject owner, string name, JsonNode? value, string path)
    {
        if (PreservesUnknown(ownerSchema))
        {
            return;
        }
        JsonObject? schema;
        if (ownerSchema["properties"] is JsonObject properties && properties[name] is JsonObject propertySchema)
        {
            schema = propertySchema;
        }
        else if (ownerSchema["additionalProperties"] is JsonObject valueSchema)
        {
            schema = valueSchema;
        }
        else if (ownerSchema["additionalProperties"]?.GetValueKind() == JsonValueKind.True || ownerSchema["properties"] is null)
        {
            return;
        }
        else
        {
            Unknown(owner, name, path);
            return;
        }
        Nested(schema, value, path);
    }

    private void Nested(JsonObject schema, JsonNode? value, string path)
    {
        switch (value)
        {
            case JsonObject obj when JsonRead.Bool(schema, "x-kubernetes-embedded-resource") == true:
                foreach (var (name, child) in obj.ToList())
                {
                    if (!TypeMetaFields.Contains(name))
                    {
                        SchemaValue(schema, obj, name, child, $"{path}.{name}");
                    }
                }
                break;
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    SchemaValue(schema, obj, name, child, $"{path}.{name}");
                }
                break;
            case JsonArray array when schema["items"] is JsonObject items:
                for (var i = 0; i < array.Count; i++)
                {
                    Nested(items, array[i], $"{path}[{i}]");
                }
                break;
        }
    }

    private static bool PreservesUnknown(JsonObject schema) => JsonRead.Bool(schema, "x-kubernetes-preserve-unknown-fields") == true;

    private void Unknown(JsonObject owner, string name, string path)
    {
        _unknown.Add(path);
        if (_prune)
        {
            owner.Remove(name);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string ShortName(Type model) => DefinitionNames.Of(model).Split('.')[^1];

    private static int? InvalidBase64At(string text)
    {
        var length = text.Length;
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            var valid = char.IsAsciiLetterOrDigit(c) || c is '+' or '/' || c == '=' && i >= length - 2;
            if (!valid)
            {
                return i;
            }
        }
        return length % 4 == 0 ? null : length / 4 * 4;
    }
}
