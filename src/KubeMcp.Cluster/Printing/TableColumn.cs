using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// One column of a Table (<c>TableColumnDefinition</c>). Priority 0 columns are always shown; priority 1 columns
/// only with <c>kubectl get -o wide</c>.
/// </summary>
/// <param name="Name">Header text; kubectl upper-cases it.</param>
/// <param name="Type">OpenAPI type of the cells: <c>string</c>, <c>integer</c>, <c>number</c>, <c>boolean</c>, <c>date</c>.</param>
/// <param name="Description">What the column shows.</param>
/// <param name="Priority">0 for the default view, 1 (or more) for wide output only.</param>
/// <param name="Format">OpenAPI format hint; <c>name</c> marks the column holding the object's name.</param>
internal sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "")
{
    public static TableColumn ObjectName { get; } = new("Name", "string", "Name of the object, unique within its namespace.", Format: "name");

    public static TableColumn Age { get; } = new("Age", "string", "Time since the object was created.");

    public static TableColumn Str(string name, string description, int priority = 0) => new(name, "string", description, priority);

    public static TableColumn Int(string name, string description, int priority = 0) => new(name, "integer", description, priority);

    public static TableColumn Boolean(string name, string description, int priority = 0) => new(name, "boolean", description, priority);

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
