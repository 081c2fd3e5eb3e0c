using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Tables for custom resources: NAME, then the CRD version's <c>additionalPrinterColumns</c>, each cell the first
/// value its JSONPath selects, typed as the column says. A version without columns gets AGE, as upstream serves.
/// </summary>
internal static class CustomResourcePrinter
{
    /// <summary>Shown in a column whose JSONPath this server cannot evaluate, instead of failing the request.</summary>
    public const string ErrorCell = "<error>";

    private sealed record Column(TableColumn Definition, JsonPath? Path);

    public static ResourcePrinter Create(JsonObject crdVersion)
    {
        var columns = Columns(crdVersion);
        return new ResourcePrinter(
            [TableColumn.ObjectName, .. columns.Select(c => c.Definition)],
            (obj, now) => [obj.Text("metadata", "name"), .. columns.Select(c => Cell(c, obj, now))]);
    }

    private static List<Column> Columns(JsonObject crdVersion)
    {
        var specs = crdVersion.Objects("additionalPrinterColumns");
        if (specs.Count == 0)
        {
            return [new Column(TableColumn.Age with { Type = "date" }, JsonPath.Parse(".metadata.creationTimestamp"))];
        }
        return specs.Select(spec =>
        {
            var jsonPath = spec.Text("jsonPath");
            JsonPath.TryParse(jsonPath, out var path, out _);
            var description = spec.Str("description") is { Length: > 0 } d
                ? d
                : $"Custom resource definition column (in JSONPath format): {jsonPath}";
            var definition = new TableColumn(
                spec.Text("name"), spec.Text("type"), description, (int)(spec.Long("priority") ?? 0), spec.Text("format"));
            return new Column(definition, path);
        }).ToList();
    }

    private static JsonNode? Cell(Column column, JsonObject obj, DateTimeOffset now)
    {
        if (column.Path is null)
        {
            return ErrorCell;
        }
        var results = column.Path.Evaluate(obj);
        if (results.Count == 0)
        {
            return null;
        }
        // Upstream shows only the first value a path selects.
        var value = results[0];
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (column.Definition.Type)
        {
            case "string":
                return GoText.Print(value);
            case "integer" when kind == JsonValueKind.Number:
                var number = value!.AsValue();
                return JsonRead.AsLong(number) ?? (long)double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);
            case "number" when kind == JsonValueKind.Number:
                return double.Parse(value!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                return kind == JsonValueKind.True;
            case "date" when kind == JsonValueKind.String:
                return DateCell(JsonRead.AsString(value!.AsValue()), now);
            default:
                return null;
        }
    }

    /// <summary>An RFC 3339 timestamp as an age; text that is not one shows as <c>&lt;invalid&gt;</c>.</summary>
    private static string DateCell(string text, DateTimeOffset now)
    {
        if (!Timestamps.TryParseRfc3339(text, out var t))
        {
            return "<invalid>";
        }
        return t == DateTimeOffset.MinValue ? Timestamps.Unknown : HumanDuration.Format(now - t);
    }
}
