using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

/// <summary>Shared fixtures: a fixed clock, catalog resource types, and row cells by column name.</summary>
internal static class Printed
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<ResourceType> Catalog = BuiltinResources.Create();

    public static ResourceType Type(string plural, string group = "", string? version = null) =>
        Catalog.First(r => r.Plural == plural && r.Group == group && (version is null || r.Version == version));

    /// <summary>An RFC 3339 timestamp <paramref name="ago"/> before <see cref="Now"/>.</summary>
    public static string Ago(TimeSpan ago) =>
        (Now - ago).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The printed row of <paramref name="obj"/> as column name → cell.</summary>
    public static Dictionary<string, JsonNode?> Row(ResourceType type, JsonObject obj)
    {
        var columns = TablePrinter.ColumnDefinitions(type).Select(c => c!["name"]!.GetValue<string>()).ToList();
        var cells = TablePrinter.ToTableRow(type, obj, Now, IncludeObject.None)["cells"]!.AsArray();
        Assert.Equal(columns.Count, cells.Count);
        return columns.Zip(cells).ToDictionary(p => p.First, p => p.Second);
    }

    public static string? Text(this Dictionary<string, JsonNode?> row, string column) => row[column]?.GetValue<string>();

    public static long Number(this Dictionary<string, JsonNode?> row, string column) => row[column]!.GetValue<long>();

    public static IReadOnlyList<string> ColumnNames(ResourceType type) =>
        TablePrinter.ColumnDefinitions(type).Select(c => c!["name"]!.GetValue<string>()).ToList();

    public static IReadOnlyList<string> DefaultColumnNames(ResourceType type) =>
        TablePrinter.ColumnDefinitions(type).Where(c => c!["priority"]!.GetValue<int>() == 0)
            .Select(c => c!["name"]!.GetValue<string>()).ToList();
}
