using System.Text.Json.Nodes;

namespace KubeMcp.Server.Formatting;

/// <summary>One row of a server Table: its cells as text and the object (full or metadata only) it describes.</summary>
internal sealed record TableRow(IReadOnlyList<string> Cells, JsonObject? Object)
{
    public string? Namespace => Object?["metadata"]?["namespace"]?.GetValue<string>();

    public string? Name => Object?["metadata"]?["name"]?.GetValue<string>();
}
