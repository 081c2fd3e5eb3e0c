using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Providers.Offline;

/// <summary>
/// The tools the planner was offered (from <see cref="ChatOptions.Tools"/>) and a way to build arguments that fit
/// each tool's schema, whatever the server calls its parameters.
/// </summary>
internal sealed class PlannerToolbox
{
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["name"] = ["name", "pod", "podName", "pod_name"],
        ["namespace"] = ["namespace", "ns"],
        ["tail"] = ["tail", "tailLines", "tail_lines", "lines"],
        ["previous"] = ["previous"],
        ["replicas"] = ["scale", "replicas", "count"],
        ["apiVersion"] = ["apiVersion", "api_version"],
        ["kind"] = ["kind"],
    };

    private readonly Dictionary<string, JsonObject> _schemas;

    public PlannerToolbox(IEnumerable<AITool>? tools)
    {
        _schemas = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var tool in tools?.OfType<AIFunctionDeclaration>() ?? [])
        {
            _schemas[tool.Name] = JsonNode.Parse(tool.JsonSchema.GetRawText()) as JsonObject ?? [];
        }
    }

    public bool Has(string tool) => _schemas.ContainsKey(tool);

    public bool Accepts(string tool, string concept) =>
        _schemas.TryGetValue(tool, out var schema) && Aliases.GetValueOrDefault(concept, [concept]).Any(a => schema["properties"]?[a] is not null);

    /// <summary>
    /// Arguments for <paramref name="tool"/> from concept/value pairs, using the parameter names the schema declares;
    /// null when the tool is missing or a required parameter cannot be filled.
    /// </summary>
    public JsonObject? Fit(string tool, params (string Concept, JsonNode? Value)[] values)
    {
        if (!_schemas.TryGetValue(tool, out var schema))
        {
            return null;
        }

        var properties = schema["properties"] as JsonObject ?? [];
        var args = new JsonObject();
        foreach (var (concept, value) in values)
        {
            if (value is null)
            {
                continue;
            }

            var parameter = Aliases.GetValueOrDefault(concept, [concept]).FirstOrDefault(a => properties[a] is not null);
            if (parameter is not null)
            {
                var type = properties[parameter]?["type"]?.ToString();
                args[parameter] = type == "string" && value.GetValueKind() != System.Text.Json.JsonValueKind.String
                    ? JsonValue.Create(value.ToJsonString())
                    : value.DeepClone();
            }
        }

        var required = schema["required"] as JsonArray ?? [];
        return required.Select(r => r?.ToString()).All(r => r is null || args.ContainsKey(r)) ? args : null;
    }
}
