using System.Text.Json.Nodes;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class GoTextTests
{
    [Theory]
    [InlineData(0.75, "0.75")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(123456.5, "123456.5")]
    [InlineData(1234567.5, "1.2345675e+06")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1e21, "1e+21")]
    public void Float_MatchesGoPrint(double value, string expected) => Assert.Equal(expected, GoText.Float(value));

    [Fact]
    public void Print_WritesObjectsCompactWithSortedKeys() =>
        Assert.Equal("""{"a":[1,"x"],"b":{"c":true,"d":null}}""",
            GoText.Print(JsonNode.Parse("""{ "b": { "d": null, "c": true }, "a": [1, "x"] }""")));
}
