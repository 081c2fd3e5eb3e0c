using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// Validates a custom resource against its CRD's structural schema, with the messages the API server's OpenAPI
/// validator uses (<c>spec.replicas in body must be of type integer: "string"</c>). Covers type, required, enum,
/// bounds, lengths, item counts and patterns; CEL rules and formats are not evaluated.
/// </summary>
internal static class SchemaRules
{
    public static void Validate(JsonObject schema, JsonObject obj, List<FieldError> errors)
    {
        foreach (var name in Required(schema))
        {
            if (name is not ("apiVersion" or "kind" or "metadata") && obj[name] is null)
            {
                errors.Add(Errors.Required(name));
            }
        }
        if (schema["properties"] is not JsonObject properties)
        {
            return;
        }
        foreach (var (name, value) in obj)
        {
            if (name is not ("apiVersion" or "kind" or "metadata") && properties[name] is JsonObject propertySchema)
            {
                Value(propertySchema, value, name, errors);
            }
        }
    }

    private static void Value(JsonObject schema, JsonNode? value, string path, List<FieldError> errors)
    {
        if (value is null)
        {
            if (JsonRead.Bool(schema, "nullable") != true && JsonRead.Str(schema, "type") is { } expected)
            {
                errors.Add(Errors.Invalid(path, "null", $"{path} in body must be of type {expected}: \"null\""));
            }
            return;
        }
        if (!TypeMatches(schema, value, out var expectedType))
        {
            errors.Add(Errors.Invalid(path, ActualType(value), $"{path} in body must be of type {expectedType}: {Go.Quote(ActualType(value))}"));
            return;
        }
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add(new FieldError("FieldValueNotSupported", path,
                $"Unsupported value: {Display(value)}: supported values: {string.Join(", ", allowed.Select(Display))}"));
        }
        switch (value)
        {
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                var number = v.GetValue<decimal>();
                if (Number(schema, "maximum") is { } max && (number > max || number == max && JsonRead.Bool(schema, "exclusiveMaximum") == true))
                {
                    errors.Add(new FieldError("FieldValueInvalid", path,
                        $"Invalid value: {Display(value)}: {path} in body should be less than {(JsonRead.Bool(schema, "exclusiveMaximum") == true ? "" : "or equal to ")}{Format(max)}"));
                }
                if (Number(schema, "minimum") is { } min && (number < min || number == min && JsonRead.Bool(schema, "exclusiveMinimum") == true))
                {
                    errors.Add(new FieldError("FieldValueInvalid", path,
                        $"Invalid value: {Display(value)}: {path} in body should be greater than {(JsonRead.Bool(schema, "exclusiveMinimum") == true ? "" : "or equal to ")}{Format(min)}"));
                }
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (Node.Int(schema, "maxLength") is { } maxLength && text.Length > maxLength)
                {
                    errors.Add(new FieldError("FieldValueTooLong", path, $"Too long: may not be more than {maxLength} bytes"));
                }
                if (Node.Int(schema, "minLength") is { } minLength && text.Length < minLength)
                {
                    errors.Add(Errors.Invalid(path, text, $"{path} in body should be at least {minLength} chars long"));
                }
                if (JsonRead.Str(schema, "pattern") is { } pattern && !Matches(pattern, text))
                {
                    errors.Add(Errors.Invalid(path, text, $"{path} in body should match '{pattern}'"));
                }
                break;
            case JsonArray array:
                if (Node.Int(schema, "maxItems") is { } maxItems && array.Count > maxItems)
                {
                    errors.Add(new FieldError("FieldValueTooMany", path, $"Too many: {array.Count}: must have at most {maxItems} items"));
                }
                if (Node.Int(schema, "minItems") is { } minItems && array.Count < minItems)
                {
                    errors.Add(Errors.InvalidRaw(path, array.Count.ToString(CultureInfo.InvariantCulture), $"{path} in body should have at least {minItems} items"));
                }
                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Value(items, array[i], $"{path}[{i}]", errors);
                    }
                }
                break;
            case JsonObject obj:
                foreach (var name in Required(schema))
                {
                    if (obj[name] is null)
                    {
                        errors.Add(Errors.Required($"{path}.{name}"));
                    }
                }
                foreach (var (name, child) in obj)
                {
                    if (schema["properties"] is JsonObject properties && properties[name] is JsonObject propertySchema)
                    {
                        Value(propertySchema, child, $"{path}.{name}", errors);
                    }
                    else if (schema["additionalProperties"] is JsonObject valueSchema)
                    {
                        Value(valueSchema, child, $"{path}.{name}", errors);
                    }
                }
                break;
        }
    }

    private static bool TypeMatches(JsonObject schema, JsonNode value, out string expected)
    {
        expected = JsonRead.Str(schema, "type") ?? "";
        if (JsonRead.Bool(schema, "x-kubernetes-int-or-string") == true)
        {
            expected = "integer or string";
            return ActualType(value) is "integer" or "string";
        }
        return expected switch
        {
            "" => true,
            "number" => ActualType(value) is "number" or "integer",
            _ => ActualType(value) == expected,
        };
    }

    private static string ActualType(JsonNode value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => JsonObjectExtensions.AsInteger(v) is not null ? "integer" : "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "null",
    };

    private static IEnumerable<string> Required(JsonObject schema) =>
        schema["required"] is JsonArray required ? required.Select(Go.Text) : [];

    private static decimal? Number(JsonObject schema, string key) =>
        schema[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<decimal>() : null;

    private static string Format(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Display(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? Go.Quote(v.GetValue<string>()) : node?.ToJsonString() ?? "null";

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
