using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class CustomResourcePrinterTests
{
    private static ResourceType Crd(string version) =>
        new("example.com", "v1", "Widget", "widgets", true, [], ["get", "list"], [], [])
        {
            CustomResourceVersion = Printed.Parse(version),
        };

    private static readonly ResourceType Widgets = Crd("""
        {"name":"v1","served":true,"storage":true,
         "additionalPrinterColumns":[
           {"name":"Replicas","type":"integer","jsonPath":".spec.replicas"},
           {"name":"Ready","type":"string","jsonPath":".status.conditions[?(@.type==\"Ready\")].status","description":"Ready condition"},
           {"name":"First Port","type":"integer","jsonPath":".spec.ports[0].port","priority":1},
           {"name":"Hosts","type":"string","jsonPath":".spec.hosts[*].name"},
           {"name":"Ratio","type":"number","jsonPath":".status.ratio"},
           {"name":"Paused","type":"boolean","jsonPath":".spec.paused"},
           {"name":"Selector","type":"string","jsonPath":".spec.selector"},
           {"name":"Age","type":"date","jsonPath":".metadata.creationTimestamp"}
         ]}
        """);

    private static readonly JsonObject Widget = Printed.Parse("""
        {"apiVersion":"example.com/v1","kind":"Widget",
         "metadata":{"name":"w1","creationTimestamp":"2025-03-01T11:00:00Z"},
         "spec":{"replicas":3,"ports":[{"port":8080},{"port":9090}],"hosts":[{"name":"a"},{"name":"b"}],"paused":false,
                 "selector":{"tier":"db","app":"w"}},
         "status":{"ratio":0.75,"conditions":[{"type":"Synced","status":"True"},{"type":"Ready","status":"False"}]}}
        """);

    [Fact]
    public void Columns_AreNameThenPrinterColumns()
    {
        var definitions = TablePrinter.ColumnDefinitions(Widgets);

        Assert.Equal(["Name", "Replicas", "Ready", "First Port", "Hosts", "Ratio", "Paused", "Selector", "Age"], Printed.ColumnNames(Widgets));
        Assert.Equal("name", definitions[0]!["format"]!.GetValue<string>());
        Assert.Equal("integer", definitions[1]!["type"]!.GetValue<string>());
        Assert.Equal("Ready condition", definitions[2]!["description"]!.GetValue<string>());
        Assert.Equal("Custom resource definition column (in JSONPath format): .spec.replicas",
            definitions[1]!["description"]!.GetValue<string>());
        Assert.Equal(1, definitions[3]!["priority"]!.GetValue<int>());
        Assert.Equal("date", definitions[8]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Cells_AreTypedValuesOfTheJsonPaths()
    {
        var row = Printed.Row(Widgets, Widget);

        Assert.Equal("w1", row.Text("Name"));
        Assert.Equal(3, row.Number("Replicas"));
        Assert.Equal("False", row.Text("Ready"));
        Assert.Equal(8080, row.Number("First Port"));
        Assert.Equal("a", row.Text("Hosts"));
        Assert.Equal(0.75, row["Ratio"]!.GetValue<double>());
        Assert.False(row["Paused"]!.GetValue<bool>());
        Assert.Equal("""{"app":"w","tier":"db"}""", row.Text("Selector"));
        Assert.Equal("60m", row.Text("Age"));
    }

    [Fact]
    public void MissingValuesAndTypeMismatches_AreNullCells()
    {
        var row = Printed.Row(Widgets, Printed.Parse("""
            {"metadata":{"name":"bare","creationTimestamp":"not a date"},"spec":{"replicas":"three","paused":"no"}}
            """));

        Assert.Null(row["Replicas"]);
        Assert.Null(row["Ready"]);
        Assert.Null(row["Paused"]);
        Assert.Null(row["Hosts"]);
        Assert.Equal("<invalid>", row.Text("Age"));
    }

    [Fact]
    public void MalformedJsonPath_GivesErrorCellInsteadOfThrowing()
    {
        var type = Crd("""
            {"name":"v1","additionalPrinterColumns":[
              {"name":"Broken","type":"string","jsonPath":".spec.items[?(@.x"},
              {"name":"Phase","type":"string","jsonPath":".status.phase"}]}
            """);

        var row = Printed.Row(type, Printed.Parse("""{"metadata":{"name":"w"},"status":{"phase":"Active"}}"""));

        Assert.Equal(CustomResourcePrinter.ErrorCell, row.Text("Broken"));
        Assert.Equal("Active", row.Text("Phase"));
    }

    [Fact]
    public void VersionWithoutColumns_GetsNameAndAge()
    {
        var type = Crd("""{"name":"v1","served":true}""");

        var row = Printed.Row(type, Printed.Parse("""{"metadata":{"name":"w","creationTimestamp":"2025-03-01T11:59:00Z"}}"""));

        Assert.Equal(["Name", "Age"], Printed.ColumnNames(type));
        Assert.Equal("date", TablePrinter.ColumnDefinitions(type)[1]!["type"]!.GetValue<string>());
        Assert.Equal("60s", row.Text("Age"));
    }

    [Fact]
    public void StringColumn_PrintsScalarsLikeGo()
    {
        var type = Crd("""
            {"name":"v1","additionalPrinterColumns":[
              {"name":"Count","type":"string","jsonPath":".a"},
              {"name":"Flag","type":"string","jsonPath":".b"},
              {"name":"Big","type":"string","jsonPath":".c"},
              {"name":"Nothing","type":"string","jsonPath":".d"}]}
            """);

        var row = Printed.Row(type, Printed.Parse("""{"metadata":{"name":"w"},"a":42,"b":true,"c":1234567.5,"d":null}"""));

        Assert.Equal("42", row.Text("Count"));
        Assert.Equal("true", row.Text("Flag"));
        Assert.Equal("1.2345675e+06", row.Text("Big"));
        Assert.Equal("<no value>", row.Text("Nothing"));
    }
}
