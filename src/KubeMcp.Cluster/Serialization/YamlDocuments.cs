using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeMcp.Cluster.Serialization;

/// <summary>
/// Reads YAML (one or many documents) into JSON objects the way Kubernetes tooling does: plain scalars that look
/// like numbers, booleans or null become those; quoted scalars stay strings.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Parses every non-empty document; a syntax error becomes a 400 that names the line.</summary>
    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw ApiException.BadRequest($"error parsing YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        return stream.Documents
            .Select(d => Convert(d.RootNode))
            .Where(n => n is not null)
            .Select(n => n!)
            .ToList();
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMapping(map),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMapping(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw ApiException.BadRequest(
                $"error parsing YAML at line {key.Start.Line}: mapping keys must be strings");
            obj[name] = Convert(value);
        }
        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
        {
            return JsonValue.Create(i);
        }
        if (text.Any(char.IsDigit) && !text.StartsWith('.') &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(text);
    }
}
