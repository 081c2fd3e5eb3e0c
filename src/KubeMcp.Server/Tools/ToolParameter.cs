using System.Text.Json.Nodes;

namespace KubeMcp.Server.Tools;

/// <summary>One input of a tool: JSON type, whether it is required, and what a model should put there.</summary>
internal sealed record ToolParameter(string Name, string Type, string Description, bool Required = false)
{
    public JsonNode? Default { get; init; }

    public int? Minimum { get; init; }

    public static ToolParameter String(string name, string description, bool required = false) => new(name, "string", description, required);

    public static ToolParameter Boolean(string name, string description) => new(name, "boolean", description);

    public static ToolParameter Integer(string name, string description, bool required = false) => new(name, "integer", description, required);

    public JsonObject ToSchema()
    {
        var schema = new JsonObject { ["type"] = Type, ["description"] = Description };
        if (Type == "array")
        {
            schema["items"] = new JsonObject { ["type"] = "string" };
        }
        if (Type == "object")
        {
            schema["properties"] = new JsonObject();
        }
        if (Default is not null)
        {
            schema["default"] = Default.DeepClone();
        }
        if (Minimum is int min)
        {
            schema["minimum"] = min;
        }
        return schema;
    }
}
