using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Server.Tools;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeMcp.Server.Formatting;

/// <summary>Reads manifests a model writes — JSON, or YAML with one or more documents — into JSON objects.</summary>
internal static class ManifestReader
{
    /// <summary>Parses every non-empty document; errors name <paramref name="argument"/> and the line.</summary>
    public static IReadOnlyList<JsonObject> Read(string text, string argument)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ToolArgumentException(argument, "is empty; give a complete manifest in YAML or JSON with apiVersion, kind and metadata.name");
        }
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            try
            {
                var node = JsonNode.Parse(trimmed);
                return node switch
                {
                    JsonObject o when o["kind"]?.GetValue<string>() is { } k && k.EndsWith("List", StringComparison.Ordinal) && o["items"] is JsonArray items =>
                        items.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList(),
                    JsonObject o => [o],
                    JsonArray a => a.OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList(),
                    _ => throw new ToolArgumentException(argument, "must be a JSON object"),
                };
            }
            catch (JsonException e)
            {
                throw new ToolArgumentException(argument, $"is not valid JSON: {e.Message}");
            }
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ToolArgumentException(argument, $"is not valid YAML (line {e.Start.Line}, column {e.Start.Column}): {e.InnerException?.Message ?? e.Message}");
        }
        var result = new List<JsonObject>();
        foreach (var doc in stream.Documents)
        {
            switch (Convert(doc.RootNode))
            {
                case JsonObject o:
                    result.Add(o);
                    break;
                case null:
                    break;
                default:
                    throw new ToolArgumentException(argument, "each YAML document must be a mapping (apiVersion: …, kind: …)");
            }
        }
        if (result.Count == 0)
        {
            throw new ToolArgumentException(argument, "holds no object; give a complete manifest with apiVersion, kind and metadata.name");
        }
        return result;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            new KeyValuePair<string, JsonNode?>(((c.Key as YamlScalarNode)?.Value) ?? c.Key.ToString(), Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain)
        {
            // Only unquoted scalars carry YAML 1.2 core-schema types; quoted ones are always strings.
            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            {
                return JsonValue.Create(l);
            }
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit) && !double.IsInfinity(d))
            {
                return JsonValue.Create(d);
            }
        }
        return JsonValue.Create(value);
    }
}
