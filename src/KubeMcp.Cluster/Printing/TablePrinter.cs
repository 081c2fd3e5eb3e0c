using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Server-side printing: turns objects into a <c>meta.k8s.io/v1 Table</c>, the response to
/// <c>Accept: application/json;as=Table;v=v1;g=meta.k8s.io</c> that <c>kubectl get</c> prints. Columns and cells follow
/// the printers of a Kubernetes 1.32 API server; custom resources use their CRD version's additional printer columns.
/// </summary>
internal static class TablePrinter
{
    public const string ApiVersion = "meta.k8s.io/v1";

    /// <summary>A Table for a list response.</summary>
    /// <param name="type">The resource listed.</param>
    /// <param name="items">The listed objects, in order; they are not modified.</param>
    /// <param name="now">The clock the AGE cells are computed against.</param>
    /// <param name="include">What each row's <c>object</c> holds.</param>
    /// <param name="resourceVersion">The list's resource version.</param>
    /// <param name="continueToken">The continue token of a paged list.</param>
    /// <param name="remainingItemCount">Items left after this page, when known.</param>
    /// <param name="noHeaders">Leave out the column definitions (the <c>noHeaders</c> table option).</param>
    public static JsonObject ToTable(
        ResourceType type,
        IReadOnlyList<JsonObject> items,
        DateTimeOffset now,
        IncludeObject include,
        string? resourceVersion,
        string? continueToken,
        long? remainingItemCount,
        bool noHeaders = false)
    {
        var printer = PrinterRegistry.For(type);
        var rows = new JsonArray();
        foreach (var item in items)
        {
            rows.Add(printer.Row(item, now, include));
        }
        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            metadata["resourceVersion"] = resourceVersion;
        }
        if (!string.IsNullOrEmpty(continueToken))
        {
            metadata["continue"] = continueToken;
        }
        if (remainingItemCount is { } remaining)
        {
            metadata["remainingItemCount"] = remaining;
        }
        return Table(printer, metadata, rows, noHeaders);
    }

    /// <summary>
    /// A Table with one row, for a single-object GET or one watch event. On a watch the API server sends the column
    /// definitions with the first event only, so pass <paramref name="noHeaders"/> for the later ones.
    /// </summary>
    public static JsonObject ToObjectTable(
        ResourceType type, JsonObject item, DateTimeOffset now, IncludeObject include, bool noHeaders = false)
    {
        var printer = PrinterRegistry.For(type);
        var metadata = new JsonObject();
        if (item.Str("metadata", "resourceVersion") is { Length: > 0 } rv)
        {
            metadata["resourceVersion"] = rv;
        }
        return Table(printer, metadata, [printer.Row(item, now, include)], noHeaders);
    }

    /// <summary>One row (<c>cells</c>, <c>conditions</c> when any, <c>object</c> per <paramref name="include"/>).</summary>
    public static JsonObject ToTableRow(ResourceType type, JsonObject item, DateTimeOffset now, IncludeObject include) =>
        PrinterRegistry.For(type).Row(item, now, include);

    /// <summary>The column definitions Tables of <paramref name="type"/> carry.</summary>
    public static JsonArray ColumnDefinitions(ResourceType type) => PrinterRegistry.For(type).ColumnDefinitions();

    private static JsonObject Table(ResourcePrinter printer, JsonObject metadata, JsonArray rows, bool noHeaders)
    {
        var table = new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = ApiVersion,
            ["metadata"] = metadata,
        };
        if (!noHeaders)
        {
            table["columnDefinitions"] = printer.ColumnDefinitions();
        }
        table["rows"] = rows;
        return table;
    }
}
