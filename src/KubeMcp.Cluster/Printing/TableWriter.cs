using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Writes the Table of a list straight to a JSON writer — the same document <see cref="TablePrinter.ToTable"/>
/// builds, byte for byte — without building a tree of every row and copying every object's metadata into it first.
/// A list of ten thousand pods is served this way in a fraction of the time and memory.
/// </summary>
internal static class TableWriter
{
    private const int RowsPerFlush = 256;

    /// <summary>Writes the Table; the parameters mean what they mean for <see cref="TablePrinter.ToTable"/>.</summary>
    public static async Task WriteAsync(
        Utf8JsonWriter writer,
        ResourceType type,
        IReadOnlyList<JsonObject> items,
        DateTimeOffset now,
        IncludeObject include,
        string? resourceVersion,
        string? continueToken,
        long? remainingItemCount,
        CancellationToken cancellationToken)
    {
        var printer = PrinterRegistry.For(type);
        writer.WriteStartObject();
        writer.WriteString("kind", "Table");
        writer.WriteString("apiVersion", TablePrinter.ApiVersion);
        writer.WriteStartObject("metadata");
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            writer.WriteString("resourceVersion", resourceVersion);
        }
        if (!string.IsNullOrEmpty(continueToken))
        {
            writer.WriteString("continue", continueToken);
        }
        if (remainingItemCount is { } remaining)
        {
            writer.WriteNumber("remainingItemCount", remaining);
        }
        writer.WriteEndObject();
        writer.WritePropertyName("columnDefinitions");
        printer.ColumnDefinitions().WriteTo(writer);
        writer.WriteStartArray("rows");
        for (var i = 0; i < items.Count; i++)
        {
            printer.WriteRow(writer, items[i], now, include);
            if (i % RowsPerFlush == RowsPerFlush - 1)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
