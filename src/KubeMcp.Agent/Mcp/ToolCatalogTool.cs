using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Agent.Mcp;

/// <summary>One tool in a catalog: name, description, full input (and output) schema and annotations.</summary>
public sealed record ToolCatalogTool(
    string Name,
    string Description,
    JsonObject InputSchema,
    ToolCatalogAnnotations Annotations,
    string? Title = null,
    JsonObject? OutputSchema = null)
{
    /// <summary>The catalog entry for a tool as the server listed it.</summary>
    public static ToolCatalogTool FromProtocol(Tool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var a = tool.Annotations;
        return new ToolCatalogTool(
            tool.Name,
            tool.Description ?? "",
            ToObject(tool.InputSchema) ?? new JsonObject { ["type"] = "object" },
            new ToolCatalogAnnotations(a?.Title, a?.ReadOnlyHint, a?.DestructiveHint, a?.IdempotentHint, a?.OpenWorldHint),
            tool.Title,
            tool.OutputSchema is { } output ? ToObject(output) : null);
    }

    /// <summary>What the agent and the argument checks need to know about this tool.</summary>
    public ToolDescriptor ToDescriptor() => new(Name, Description, (JsonObject)InputSchema.DeepClone())
    {
        Title = Title ?? Annotations.Title,
        ReadOnlyHint = Annotations.ReadOnlyHint,
        DestructiveHint = Annotations.DestructiveHint,
        IdempotentHint = Annotations.IdempotentHint,
    };

    /// <summary>The tool as it appears in a catalog file's <c>tools</c> array.</summary>
    public JsonObject ToJsonObject()
    {
        var json = new JsonObject { ["name"] = Name };
        AddIfSet(json, "title", Title);
        json["description"] = Description;
        json["inputSchema"] = InputSchema.DeepClone();
        if (OutputSchema is not null)
        {
            json["outputSchema"] = OutputSchema.DeepClone();
        }

        var a = Annotations;
        var annotations = new JsonObject();
        AddIfSet(annotations, "title", a.Title);
        AddIfSet(annotations, "readOnlyHint", a.ReadOnlyHint);
        AddIfSet(annotations, "destructiveHint", a.DestructiveHint);
        AddIfSet(annotations, "idempotentHint", a.IdempotentHint);
        AddIfSet(annotations, "openWorldHint", a.OpenWorldHint);
        json["annotations"] = annotations;
        return json;
    }

    private static void AddIfSet(JsonObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }
    }

    private static void AddIfSet(JsonObject obj, string name, bool? value)
    {
        if (value is { } b)
        {
            obj[name] = b;
        }
    }

    private static JsonObject? ToObject(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? JsonNode.Parse(element.GetRawText()) as JsonObject : null;
}
