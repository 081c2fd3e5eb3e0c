using System.Text.Json.Nodes;

namespace KubeMcp.Cli.Tools;

/// <summary>A JSON schema fragment in words: <c>array of string</c>, <c>Default: 100. One of: json, yaml.</c></summary>
internal static class SchemaText
{
    /// <summary>The schema's type as people read it.</summary>
    public static string TypeOf(JsonObject schema)
    {
        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (schema[combinator] is JsonArray options && options.Count > 0)
            {
                return string.Join(" | ", options.OfType<JsonObject>().Select(TypeOf).Distinct());
            }
        }

        var types = schema["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var t) => [t],
            JsonArray a => a.Select(n => n?.GetValue<string>()).OfType<string>().ToList(),
            _ => [],
        };
        if (types.Count == 0)
        {
            return schema["enum"] is JsonArray ? "enum" : "any";
        }

        return string.Join(" | ", types.Select(t => t == "array" && schema["items"] is JsonObject items ? $"array of {TypeOf(items)}" : t));
    }

    /// <summary>The description, then the default, the allowed values and the bounds the schema states.</summary>
    public static string Explain(JsonObject schema)
    {
        var parts = new List<string>();
        if (schema["description"] is JsonValue d && d.TryGetValue<string>(out var description) && description.Trim().Length > 0)
        {
            parts.Add(description.Trim());
        }

        if (schema["default"] is { } @default)
        {
            parts.Add($"Default: {Literal(@default)}.");
        }

        if (schema["enum"] is JsonArray values)
        {
            parts.Add($"One of: {string.Join(", ", values.Select(Literal))}.");
        }

        if (schema["minimum"] is { } min)
        {
            parts.Add($"Minimum: {min.ToJsonString()}.");
        }

        if (schema["maximum"] is { } max)
        {
            parts.Add($"Maximum: {max.ToJsonString()}.");
        }

        return string.Join(" ", parts);
    }

    private static string Literal(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "null";
}
