using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Server.Formatting;

/// <summary>A <c>meta.k8s.io/v1 Table</c> as the API server sends it for kubectl: column definitions and rows of cells.</summary>
internal sealed class ServerTable
{
    private ServerTable(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, string? continueToken, long? remaining)
    {
        Columns = columns;
        Rows = rows;
        Continue = continueToken;
        RemainingItemCount = remaining;
    }

    public IReadOnlyList<TableColumn> Columns { get; }

    public IReadOnlyList<TableRow> Rows { get; }

    /// <summary>Set when the server has more items than were asked for.</summary>
    public string? Continue { get; }

    public long? RemainingItemCount { get; }

    /// <summary>Reads a Table; a plain list (a server that ignored the Table Accept header) gives null.</summary>
    public static ServerTable? TryParse(JsonObject response)
    {
        if (response["kind"]?.GetValue<string>() != "Table" || response["columnDefinitions"] is not JsonArray definitions)
        {
            return null;
        }
        var columns = definitions.OfType<JsonObject>()
            .Select(d => new TableColumn(d["name"]?.GetValue<string>() ?? "", d["priority"]?.GetValue<int>() ?? 0))
            .ToList();
        var rows = new List<TableRow>();
        foreach (var row in (response["rows"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var cells = (row["cells"] as JsonArray ?? []).Select(CellText).ToList();
            while (cells.Count < columns.Count)
            {
                cells.Add("");
            }
            rows.Add(new TableRow(cells, row["object"] as JsonObject));
        }
        var meta = response["metadata"] as JsonObject;
        var cont = meta?["continue"]?.GetValue<string>();
        long? remaining = meta?["remainingItemCount"] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
        return new ServerTable(columns, rows, string.IsNullOrEmpty(cont) ? null : cont, remaining);
    }

    /// <summary>Index of a column by its (case-insensitive) name, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    private static string CellText(JsonNode? cell) => cell switch
    {
        null => "<none>",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.TryGetValue<long>(out var l)
            ? l.ToString(CultureInfo.InvariantCulture)
            : v.GetValue<double>().ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => cell.ToJsonString(),
    };
}
