using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class ServerTableTests
{
    [Fact]
    public void TryParse_ReadsColumnsCellsAndRowObjects()
    {
        var table = ServerTable.TryParse(JsonNode.Parse("""
            {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": {"continue": "abc", "remainingItemCount": 7},
             "columnDefinitions": [{"name": "Name", "priority": 0}, {"name": "Ready", "priority": 0}, {"name": "IP", "priority": 1}],
             "rows": [{"cells": ["web", 1, null], "object": {"metadata": {"name": "web", "namespace": "prod"}}}]}
            """)!.AsObject())!;

        Assert.Equal(["Name", "Ready", "IP"], table.Columns.Select(c => c.Name));
        Assert.Equal(1, table.Columns[2].Priority);
        Assert.Equal(["web", "1", "<none>"], table.Rows[0].Cells);
        Assert.Equal("prod", table.Rows[0].Namespace);
        Assert.Equal(1, table.IndexOf("ready"));
        Assert.Equal(-1, table.IndexOf("Status"));
        Assert.Equal("abc", table.Continue);
        Assert.Equal(7, table.RemainingItemCount);
    }

    [Fact]
    public void TryParse_PadsShortRows()
    {
        var table = ServerTable.TryParse(JsonNode.Parse("""{"kind": "Table", "columnDefinitions": [{"name": "A"}, {"name": "B"}], "rows": [{"cells": ["x"]}]}""")!.AsObject())!;

        Assert.Equal(["x", ""], table.Rows[0].Cells);
    }

    [Theory]
    [InlineData("""{"kind": "PodList", "items": []}""")]
    [InlineData("""{"kind": "Table"}""")]
    [InlineData("""{}""")]
    public void TryParse_AnythingButATableIsNull(string json) =>
        Assert.Null(ServerTable.TryParse(JsonNode.Parse(json)!.AsObject()));
}
