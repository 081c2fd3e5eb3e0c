using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.ToolCalling;

/// <summary>Converts between <see cref="FunctionCallContent.Arguments"/> dictionaries and JSON objects.</summary>
internal static class FunctionCallArguments
{
    public static JsonObject ToJsonObject(IDictionary<string, object?>? arguments)
    {
        var result = new JsonObject();
        if (arguments is null)
        {
            return result;
        }

        foreach (var (key, value) in arguments)
        {
            result[key] = value switch
            {
                null => null,
                JsonNode node => node.DeepClone(),
                JsonElement element => JsonNode.Parse(element.GetRawText()),
                _ => JsonSerializer.SerializeToNode(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(value.GetType())),
            };
        }

        return result;
    }

    public static Dictionary<string, object?> ToDictionary(JsonObject arguments)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments)
        {
            result[key] = value is null ? null : JsonSerializer.SerializeToElement(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonNode)));
        }

        return result;
    }

    /// <summary>A tool result as text: strings as they are, anything else as JSON.</summary>
    public static string ResultText(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        JsonElement e => e.GetRawText(),
        JsonNode n => n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : n.ToJsonString(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(result.GetType())),
    };
}
