using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Prints one kind of object as Table rows: the columns and, per object, the cells (always including the wide
/// columns, as the API server sends them; kubectl hides priority-1 columns unless asked for wide output).
/// </summary>
internal sealed class ResourcePrinter(
    IReadOnlyList<TableColumn> columns,
    Func<JsonObject, DateTimeOffset, JsonNode?[]> cells,
    Func<JsonObject, JsonArray?>? conditions = null)
{
    public IReadOnlyList<TableColumn> Columns { get; } = columns;

    public JsonArray ColumnDefinitions() => new(Columns.Select(c => (JsonNode?)c.ToJson()).ToArray());

    /// <summary>The row for <paramref name="obj"/>: cells, row conditions when the kind has them, and the object.</summary>
    public JsonObject Row(JsonObject obj, DateTimeOffset now, IncludeObject include)
    {
        var row = new JsonObject { ["cells"] = new JsonArray(cells(obj, now)) };
        if (conditions?.Invoke(obj) is { } rowConditions)
        {
            row["conditions"] = rowConditions;
        }
        switch (include)
        {
            case IncludeObject.Metadata:
                row["object"] = PartialObjectMetadata.From(obj);
                break;
            case IncludeObject.Object:
                row["object"] = obj.DeepClone();
                break;
        }
        return row;
    }

    /// <summary>Writes what <see cref="Row"/> returns, without copying the object into a row first.</summary>
    public void WriteRow(Utf8JsonWriter writer, JsonObject obj, DateTimeOffset now, IncludeObject include)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("cells");
        foreach (var cell in cells(obj, now))
        {
            if (cell is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                cell.WriteTo(writer);
            }
        }
        writer.WriteEndArray();
        if (conditions?.Invoke(obj) is { } rowConditions)
        {
            writer.WritePropertyName("conditions");
            rowConditions.WriteTo(writer);
        }
        switch (include)
        {
            case IncludeObject.Metadata:
                writer.WriteStartObject("object");
                writer.WriteString("kind", "PartialObjectMetadata");
                writer.WriteString("apiVersion", PartialObjectMetadata.ApiVersion);
                writer.WritePropertyName("metadata");
                if (obj["metadata"] is { } metadata)
                {
                    metadata.WriteTo(writer);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
                break;
            case IncludeObject.Object:
                writer.WritePropertyName("object");
                obj.WriteTo(writer);
                break;
        }
        writer.WriteEndObject();
    }
}
