using System.IO.Pipelines;
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
    /// <remarks>
    /// Give <paramref name="output"/> when <paramref name="writer"/> writes into a pipe: it is flushed along with the
    /// writer every few hundred rows, because flushing a writer over a pipe only commits its bytes to the pipe, which
    /// would then hold the whole response.
    /// </remarks>
    public static async Task WriteAsync(
        Utf8JsonWriter writer,
        ResourceType type,
        IReadOnlyList<JsonObject> items,
        DateTimeOffset now,
        IncludeObject include,
        string? resourceVersion,
        string? continueToken,
        long? remainingItemCount,
        CancellationToken cancellationToken,
        PipeWriter? output = null)
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
                if (output is not null)
                {
                    await output.FlushAsync(cancellationToken);
                }
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
