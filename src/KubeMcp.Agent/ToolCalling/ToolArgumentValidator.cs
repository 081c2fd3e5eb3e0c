using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>
/// Checks a tool call's arguments against the tool's JSON schema before it runs, so a model's mistake comes back to it
/// as a precise, fixable message instead of a server error.
/// </summary>
/// <remarks>
/// Supports the schema subset MCP servers emit for tool inputs: <c>type</c> (single or list, with <c>null</c>),
/// <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>const</c>,
/// <c>minimum</c>/<c>maximum</c>, <c>anyOf</c>/<c>oneOf</c>. Unknown top-level parameters are errors (the tool would
/// silently ignore them, hiding the model's mistake). Slips with one obvious meaning are fixed rather than rejected:
/// <c>"50"</c> for an integer, <c>"true"</c> for a boolean, a number for a string, a single value for an array,
/// <c>null</c> for an optional parameter.
/// </remarks>
public static class ToolArgumentValidator
{
    // Words models use for Kubernetes tool parameters that edit distance cannot connect to the real names.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pod"] = "name",
        ["pod_name"] = "name",
        ["podName"] = "name",
        ["resource_name"] = "name",
        ["ns"] = "namespace",
        ["lines"] = "tail",
        ["tail_lines"] = "tail",
        ["replicas"] = "scale",
        ["label_selector"] = "labelSelector",
        ["selector"] = "labelSelector",
    };

    /// <summary>Validates <paramref name="arguments"/> for <paramref name="tool"/>. Does not modify the input.</summary>
    public static ArgumentValidationResult Validate(ToolDescriptor tool, JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        var errors = new List<ArgumentError>();
        var normalized = ValidateObject("", arguments, tool.InputSchema, errors, topLevel: true, tool.Name);
        return new ArgumentValidationResult(normalized, errors);
    }

    private static JsonObject ValidateObject(
        string path, JsonObject value, JsonObject schema, List<ArgumentError> errors, bool topLevel, string toolName)
    {
        var properties = schema["properties"] as JsonObject;
        var required = schema["required"] is JsonArray r
            ? r.Select(n => n?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        var additional = schema["additionalProperties"];
        // Absent additionalProperties means "open" in JSON Schema, but a tool's top level is a closed contract: an
        // unknown parameter there is a misspelling the server would silently ignore. Nested objects (manifests) stay open.
        var closed = additional is JsonValue v && v.TryGetValue<bool>(out var allowed) ? !allowed : additional is null && topLevel;

        var result = new JsonObject();
        foreach (var (key, node) in value)
        {
            var childPath = Join(path, key);
            var propertySchema = properties?[key] as JsonObject;
            if (propertySchema is null)
            {
                if (closed)
                {
                    errors.Add(UnknownParameter(childPath, key, properties, required, toolName));
                    continue;
                }

                result[key] = node?.DeepClone();
                if (additional is JsonObject additionalSchema && node is not null)
                {
                    result[key] = ValidateValue(childPath, node, additionalSchema, errors, toolName);
                }

                continue;
            }

            if (node is null && !AllowsType(propertySchema, "null"))
            {
                continue; // `"namespace": null` means "not given" (reported below if the parameter is required)
            }

            result[key] = ValidateValue(childPath, node, propertySchema, errors, toolName);
        }

        foreach (var name in required.Where(n => !value.ContainsKey(n) || value[n] is null && !AllowsType(properties?[n] as JsonObject, "null")))
        {
            var s = properties?[name] as JsonObject;
            errors.Add(new ArgumentError(Join(path, name), "is required but was not given.", s?.ToJsonString()));
        }

        return result;
    }

    private static JsonNode? ValidateValue(string path, JsonNode? node, JsonObject schema, List<ArgumentError> errors, string toolName)
    {
        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (schema[combinator] is JsonArray options && options.Count > 0)
            {
                foreach (var option in options.OfType<JsonObject>())
                {
                    var trial = new List<ArgumentError>();
                    var candidate = ValidateValue(path, node, option, trial, toolName);
                    if (trial.Count == 0)
                    {
                        return candidate;
                    }
                }

                errors.Add(new ArgumentError(path, $"matches none of the allowed shapes; got {Describe(node)}.", schema.ToJsonString()));
                return node?.DeepClone();
            }
        }

        var types = Types(schema);
        JsonNode? result = node?.DeepClone();
        if (types.Count > 0)
        {
            if (!TryConform(node, types, schema, out result))
            {
                var expected = string.Join(" or ", types.Select(Article));
                errors.Add(new ArgumentError(path, $"must be {expected}, but got {Describe(node)}.", schema.ToJsonString()));
                return node?.DeepClone();
            }
        }

        if (schema["enum"] is JsonArray allowedValues && !allowedValues.Any(a => JsonNode.DeepEquals(a, result)))
        {
            var list = string.Join(", ", allowedValues.Select(a => a?.ToJsonString() ?? "null"));
            errors.Add(new ArgumentError(path, $"must be one of {list}, but got {Describe(result)}.", schema.ToJsonString()));
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(constant, result))
        {
            errors.Add(new ArgumentError(path, $"must be {constant.ToJsonString()}, but got {Describe(result)}.", schema.ToJsonString()));
        }

        if (result is JsonValue number && TryGetNumber(number, out var n))
        {
            if (schema["minimum"] is JsonValue min && TryGetNumber(min, out var lo) && n < lo)
            {
                errors.Add(new ArgumentError(path, $"must be at least {lo.ToString(CultureInfo.InvariantCulture)}, but got {Describe(result)}.", schema.ToJsonString()));
            }

            if (schema["maximum"] is JsonValue max && TryGetNumber(max, out var hi) && n > hi)
            {
                errors.Add(new ArgumentError(path, $"must be at most {hi.ToString(CultureInfo.InvariantCulture)}, but got {Describe(result)}.", schema.ToJsonString()));
            }
        }

        return result switch
        {
            JsonObject obj => ValidateObject(path, obj, schema, errors, topLevel: false, toolName),
            JsonArray array when schema["items"] is JsonObject itemSchema =>
                new JsonArray([.. array.Select((item, i) => ValidateValue($"{path}[{i}]", item, itemSchema, errors, toolName))]),
            _ => result,
        };
    }

    private static bool TryConform(JsonNode? node, IReadOnlyList<string> types, JsonObject schema, out JsonNode? result)
    {
        result = node?.DeepClone();
        var kind = node?.GetValueKind() ?? JsonValueKind.Null;
        foreach (var type in types)
        {
            switch (type)
            {
                case "null" when kind == JsonValueKind.Null:
                case "object" when kind == JsonValueKind.Object:
                case "array" when kind == JsonValueKind.Array:
                case "string" when kind == JsonValueKind.String:
                case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                case "number" when kind == JsonValueKind.Number:
                    return true;
                case "integer" when kind == JsonValueKind.Number && TryGetNumber(node!.AsValue(), out var d) && d == Math.Floor(d):
                    result = JsonValue.Create((long)d);
                    return true;
            }
        }

        // Second pass: one obvious reading of a slip.
        foreach (var type in types)
        {
            var text = kind == JsonValueKind.String ? node!.GetValue<string>().Trim() : null;
            switch (type)
            {
                case "integer" when text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                    result = JsonValue.Create(l);
                    return true;
                case "number" when text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m):
                    result = JsonValue.Create(m);
                    return true;
                case "boolean" when text is not null && bool.TryParse(text, out var b):
                    result = JsonValue.Create(b);
                    return true;
                case "string" when kind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    result = JsonValue.Create(node!.ToJsonString());
                    return true;
                case "array" when kind is not (JsonValueKind.Array or JsonValueKind.Null or JsonValueKind.Object):
                    if (schema["items"] is not JsonObject item || Types(item).Count == 0)
                    {
                        result = new JsonArray(node!.DeepClone());
                        return true;
                    }

                    if (TryConform(node, Types(item), item, out var conformed))
                    {
                        result = new JsonArray(conformed);
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static ArgumentError UnknownParameter(
        string path, string key, JsonObject? properties, HashSet<string> required, string toolName)
    {
        var names = properties?.Select(p => p.Key).ToList() ?? [];
        if (names.Count == 0)
        {
            return new ArgumentError(path, $"is not a parameter: {toolName} takes no arguments here.", null);
        }

        var suggestion = Synonyms.TryGetValue(key, out var synonym) && names.Contains(synonym)
            ? [synonym]
            : NameSuggester.Closest(key, names, 1);
        var hint = suggestion.Count > 0 ? $" Did you mean '{suggestion[0]}'?" : "";
        var list = string.Join(", ", names.Select(n => required.Contains(n) ? n + " (required)" : n));
        return new ArgumentError(path, $"is not a parameter of {toolName}.{hint} Parameters: {list}.", null);
    }

    private static List<string> Types(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var t) => [t],
        JsonArray a => [.. a.Select(n => n?.GetValue<string>()).OfType<string>()],
        _ => [],
    };

    private static bool AllowsType(JsonObject? schema, string type) => Types(schema).Contains(type);

    private static bool TryGetNumber(JsonValue value, out double number)
    {
        number = 0;
        return value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static string Article(string type) => type switch
    {
        "integer" => "an integer",
        "array" => "an array",
        "object" => "an object",
        "null" => "null",
        _ => "a " + type,
    };

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "the string " + Truncate(node.ToJsonString()),
        JsonValueKind.Number => "the number " + node.ToJsonString(),
        JsonValueKind.True or JsonValueKind.False => "the boolean " + node.ToJsonString(),
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
