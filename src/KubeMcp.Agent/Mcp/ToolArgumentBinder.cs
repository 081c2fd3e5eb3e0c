using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.ToolCalling;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Agent.Mcp;

/// <summary>
/// Builds a tool call's arguments from what a person types: a JSON object (from a file and/or inline) and
/// <c>key=value</c> pairs, each value read according to the parameter's type in the tool's schema.
/// </summary>
/// <remarks>
/// Later sources win: the file, then the inline JSON, then the pairs. A pair's value is text for a string parameter;
/// for a number, integer or boolean it is parsed (<c>tail=50</c>, <c>previous=true</c>; a boolean given as a bare
/// <c>previous</c> means true); an array takes a JSON array (<c>command=["ls","-l"]</c>) or one item per repetition of the
/// key (<c>command=ls command=-l</c>); an object takes a JSON object. Values are then checked against the schema by
/// <see cref="ToolArgumentValidator"/>, which also reports unknown parameters with the closest names.
/// </remarks>
public static class ToolArgumentBinder
{
    /// <summary>Combines the sources into one checked argument object for <paramref name="tool"/>.</summary>
    /// <param name="tool">The tool, whose input schema decides how each value is read.</param>
    /// <param name="pairs"><c>key=value</c> pairs, in order (a key may repeat for array parameters).</param>
    /// <param name="json">An inline JSON object, or null.</param>
    /// <param name="fileJson">The contents of an arguments file (a JSON object), or null.</param>
    /// <exception cref="InvalidToolArgumentsException">Anything unreadable or not matching the schema; every problem is listed.</exception>
    public static JsonObject Bind(ToolDescriptor tool, IEnumerable<string> pairs, string? json = null, string? fileJson = null)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(pairs);
        var errors = new List<ArgumentError>();
        var arguments = new JsonObject();
        Merge(arguments, ParseObject(fileJson, "--args-file", errors));
        Merge(arguments, ParseObject(json, "--args-json", errors));

        var repeated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            BindPair(tool, pair, arguments, repeated, errors);
        }

        if (errors.Count == 0)
        {
            var validation = ToolArgumentValidator.Validate(tool, arguments);
            if (validation.IsValid)
            {
                return validation.Arguments;
            }

            errors.AddRange(validation.Errors);
        }

        throw InvalidToolArgumentsException.Create(tool.Name, errors, tool.InputSchema);
    }

    private static void BindPair(ToolDescriptor tool, string pair, JsonObject arguments, HashSet<string> repeated, List<ArgumentError> errors)
    {
        var eq = pair.IndexOf('=', StringComparison.Ordinal);
        var key = (eq < 0 ? pair : pair[..eq]).Trim();
        var schema = tool.Properties[key] as JsonObject;
        var type = PrimaryType(schema);
        if (key.Length == 0)
        {
            errors.Add(new ArgumentError(pair, "has no parameter name; write --arg NAME=VALUE.", null));
            return;
        }

        if (eq < 0)
        {
            if (type == "boolean")
            {
                arguments[key] = true;
                return;
            }

            errors.Add(new ArgumentError(key, $"has no value; write --arg {key}=VALUE.", schema?.ToJsonString()));
            return;
        }

        var text = pair[(eq + 1)..];
        if (type == "array")
        {
            if (text.TrimStart().StartsWith('['))
            {
                arguments[key] = ParseJson(text, key, schema, errors);
                return;
            }

            // Repeating the key appends; the first occurrence replaces whatever a JSON source set.
            var item = ReadValue(text, schema?["items"] as JsonObject, key, errors);
            if (repeated.Add(key) || arguments[key] is not JsonArray items)
            {
                arguments[key] = new JsonArray(item);
            }
            else
            {
                items.Add(item);
            }

            return;
        }

        arguments[key] = type == "object" ? ParseJson(text, key, schema, errors) : ReadValue(text, schema, key, errors);
    }

    /// <summary>
    /// Text for strings, numbers and booleans (the validator reads <c>"50"</c> as 50 for an integer and reports text that
    /// is not one); JSON for objects and arrays; for an untyped parameter JSON when it parses, else text.
    /// </summary>
    private static JsonNode? ReadValue(string text, JsonObject? schema, string key, List<ArgumentError> errors)
    {
        switch (PrimaryType(schema))
        {
            case "object" or "array":
                return ParseJson(text, key, schema, errors);
            case null when schema is not null:
                try
                {
                    return JsonNode.Parse(text) ?? JsonValue.Create(text);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(text);
                }

            default:
                return JsonValue.Create(text);
        }
    }

    private static JsonNode? ParseJson(string text, string key, JsonObject? schema, List<ArgumentError> errors)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            errors.Add(new ArgumentError(key, $"must be JSON ({PrimaryType(schema)}), but the value is not valid JSON: {ex.Message}", schema?.ToJsonString()));
            return null;
        }
    }

    private static JsonObject? ParseObject(string? text, string source, List<ArgumentError> errors)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (node is JsonObject obj)
            {
                return obj;
            }

            errors.Add(new ArgumentError(source, $"must be a JSON object like {{\"name\": \"value\"}}, but it is {Kind(node)}.", null));
        }
        catch (JsonException ex)
        {
            errors.Add(new ArgumentError(source, $"is not valid JSON: {ex.Message}", null));
        }

        return null;
    }

    private static void Merge(JsonObject target, JsonObject? source)
    {
        foreach (var (key, value) in source ?? [])
        {
            target[key] = value?.DeepClone();
        }
    }

    private static string? PrimaryType(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue v when v.TryGetValue<string>(out var t) => t,
        JsonArray a => a.Select(n => n?.GetValue<string>()).FirstOrDefault(t => t is not null and not "null"),
        _ => null,
    };

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}
