using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace KubeMcp.Cluster.Serialization;

/// <summary>
/// Reads YAML (one or many documents) into JSON objects the way Kubernetes tooling does: plain scalars that look
/// like numbers, booleans or null become those; quoted scalars stay strings.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Deeper nesting than this is refused before building a tree, so no input can exhaust the stack.</summary>
    private const int MaxDepth = 1000;

    /// <summary>Parses every non-empty document; a syntax error becomes a 400 that names the line.</summary>
    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            CheckNesting(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw ApiException.BadRequest($"error parsing YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports some truncated documents (an unclosed flow collection at the end) this way.
            throw ApiException.BadRequest("error parsing YAML: the document ends early; check for an unclosed '[', '{' or quote");
        }
        // Aliases share nodes, so a small document can stand for a huge tree; a legitimate one has at most about one
        // node per character of input.
        var budget = new NodeBudget(yaml.Length + 10_000);
        return stream.Documents
            .Select(d => Convert(d.RootNode, budget))
            .Where(n => n is not null)
            .Select(n => n!)
            .ToList();
    }

    private static void CheckNesting(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    throw ApiException.BadRequest(
                        $"error parsing YAML at line {parser.Current.Start.Line}: collections are nested more than {MaxDepth} levels deep");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }

    private static JsonNode? Convert(YamlNode node, NodeBudget budget)
    {
        budget.Take();
        return node switch
        {
            YamlMappingNode map => ConvertMapping(map, budget),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(c => Convert(c, budget)).ToArray()),
            YamlScalarNode scalar => ConvertScalar(scalar),
            _ => null,
        };
    }

    private static JsonObject ConvertMapping(YamlMappingNode map, NodeBudget budget)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw ApiException.BadRequest(
                $"error parsing YAML at line {key.Start.Line}: mapping keys must be strings");
            obj[name] = Convert(value, budget);
        }
        return obj;
    }

    private sealed class NodeBudget(long limit)
    {
        private long _left = limit;

        public void Take()
        {
            if (--_left < 0)
            {
                throw ApiException.BadRequest("error parsing YAML: the document expands to too many nodes through aliases");
            }
        }
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
