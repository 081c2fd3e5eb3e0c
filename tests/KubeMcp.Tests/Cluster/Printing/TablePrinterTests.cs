using System.Text.Json.Nodes;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class TablePrinterTests
{
    private static readonly KubeMcp.Cluster.Api.ResourceType Pods = Printed.Type("pods");

    private static JsonObject Pod(string name) => Printed.Parse($$$"""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"{{{name}}}","namespace":"default","resourceVersion":"42","labels":{"app":"web"},"creationTimestamp":"2025-03-01T11:00:00Z"},
         "spec":{"containers":[{"name":"c","image":"nginx"}]},
         "status":{"phase":"Pending"}}
        """);

    [Fact]
    public void ToTable_HasTableShapeAndListMetadata()
    {
        var table = TablePrinter.ToTable(Pods, [Pod("a"), Pod("b")], Printed.Now, IncludeObject.Metadata, "100", "token", 5);

        Assert.Equal("Table", table["kind"]!.GetValue<string>());
        Assert.Equal("meta.k8s.io/v1", table["apiVersion"]!.GetValue<string>());
        Assert.Equal("100", table["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Equal("token", table["metadata"]!["continue"]!.GetValue<string>());
        Assert.Equal(5, table["metadata"]!["remainingItemCount"]!.GetValue<long>());
        Assert.Equal(2, table["rows"]!.AsArray().Count);
        var nameColumn = table["columnDefinitions"]![0]!.AsObject();
        Assert.Equal(["name", "type", "format", "description", "priority"], nameColumn.Select(p => p.Key));
    }

    [Fact]
    public void ToTable_OmitsEmptyListMetadataAndHeadersOnRequest()
    {
        var table = TablePrinter.ToTable(Pods, [], Printed.Now, IncludeObject.Metadata, null, null, null, noHeaders: true);

        Assert.Empty(table["metadata"]!.AsObject());
        Assert.Null(table["columnDefinitions"]);
        Assert.Empty(table["rows"]!.AsArray());
    }

    [Fact]
    public void IncludeMetadata_RowObjectIsPartialObjectMetadata()
    {
        var row = TablePrinter.ToTableRow(Pods, Pod("a"), Printed.Now, IncludeObject.Metadata);

        var obj = row["object"]!;
        Assert.Equal("PartialObjectMetadata", obj["kind"]!.GetValue<string>());
        Assert.Equal("meta.k8s.io/v1", obj["apiVersion"]!.GetValue<string>());
        Assert.Equal("a", obj["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("web", obj["metadata"]!["labels"]!["app"]!.GetValue<string>());
        Assert.Null(obj["spec"]);
    }

    [Fact]
    public void IncludeObject_RowObjectIsACopyOfTheWholeObject()
    {
        var pod = Pod("a");
        var before = pod.ToJsonString();

        var row = TablePrinter.ToTableRow(Pods, pod, Printed.Now, IncludeObject.Object);

        Assert.True(JsonNode.DeepEquals(pod, row["object"]));
        Assert.NotSame(pod, row["object"]);
        Assert.Equal(before, pod.ToJsonString());
        Assert.Null(pod.Parent);
    }

    [Fact]
    public void IncludeNone_RowHasOnlyCells()
    {
        var row = TablePrinter.ToTableRow(Pods, Pod("a"), Printed.Now, IncludeObject.None);

        Assert.Equal(["cells"], row.Select(p => p.Key));
    }

    [Fact]
    public void ToObjectTable_CarriesTheObjectsResourceVersionAndOneRow()
    {
        var first = TablePrinter.ToObjectTable(Pods, Pod("a"), Printed.Now, IncludeObject.Metadata);
        var later = TablePrinter.ToObjectTable(Pods, Pod("a"), Printed.Now, IncludeObject.Metadata, noHeaders: true);

        Assert.Equal("42", first["metadata"]!["resourceVersion"]!.GetValue<string>());
        Assert.Single(first["rows"]!.AsArray());
        Assert.NotNull(first["columnDefinitions"]);
        Assert.Null(later["columnDefinitions"]);
    }

    [Theory]
    [InlineData("roles", "rbac.authorization.k8s.io")]
    [InlineData("clusterroles", "rbac.authorization.k8s.io")]
    [InlineData("customresourcedefinitions", "apiextensions.k8s.io")]
    [InlineData("limitranges", "")]
    public void KindsWithoutPrinter_GetNameAndCreatedAt(string plural, string group)
    {
        var type = Printed.Type(plural, group);
        var row = Printed.Row(type, Printed.Parse("""{"metadata":{"name":"x","creationTimestamp":"2024-12-24T08:30:00Z"}}"""));

        Assert.Equal(["Name", "Created At"], Printed.ColumnNames(type));
        Assert.Equal("date", TablePrinter.ColumnDefinitions(type)[1]!["type"]!.GetValue<string>());
        Assert.Equal("2024-12-24T08:30:00Z", row.Text("Created At"));
    }

    [Fact]
    public void DefaultPrinter_WithoutCreationTimestamp_ShowsGoZeroTime() =>
        Assert.Equal("0001-01-01T00:00:00Z",
            Printed.Row(Printed.Type("roles", "rbac.authorization.k8s.io"), Printed.Parse("""{"metadata":{"name":"x"}}""")).Text("Created At"));

    [Fact]
    public void EveryBuiltinResource_PrintsAnEmptyObjectWithoutThrowing()
    {
        foreach (var type in KubeMcp.Cluster.Api.BuiltinResources.Create())
        {
            var row = TablePrinter.ToTableRow(type, new JsonObject(), Printed.Now, IncludeObject.Object);

            Assert.Equal(TablePrinter.ColumnDefinitions(type).Count, row["cells"]!.AsArray().Count);
        }
    }

    [Theory]
    [InlineData(null, "Metadata")]
    [InlineData("", "Metadata")]
    [InlineData("Metadata", "Metadata")]
    [InlineData("None", "None")]
    [InlineData("Object", "Object")]
    public void IncludeObjectParser_ReadsTheQueryParameter(string? value, string expected) =>
        Assert.Equal(Enum.Parse<IncludeObject>(expected), IncludeObjectParser.Parse(value));

    [Theory]
    [InlineData("object")]
    [InlineData("All")]
    public void IncludeObjectParser_RejectsUnknownValues(string value)
    {
        var error = Assert.Throws<KubeMcp.Cluster.Api.ApiException>(() => IncludeObjectParser.Parse(value));

        Assert.Equal(400, error.Code);
        Assert.Contains(value, error.Message);
    }
}
