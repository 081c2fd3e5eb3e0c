using System.Text.Json.Nodes;
using KubeMcp.Cluster.Printing;

namespace KubeMcp.Tests.Cluster.Printing;

public sealed class JsonPathTests
{
    private static readonly JsonNode Doc = JsonNode.Parse("""
        {"metadata":{"name":"n","labels":{"app.kubernetes.io/name":"web"}},
         "items":[{"name":"a","n":1,"ok":true},{"name":"b","n":5},{"name":"c","n":10,"ok":false}],
         "nested":{"x":{"name":"deep"}}}
        """)!;

    private static string[] Eval(string path) =>
        JsonPath.Parse(path).Evaluate(Doc).Select(n => n?.ToJsonString() ?? "null").ToArray();

    [Theory]
    [InlineData(".metadata.name", "\"n\"")]
    [InlineData("{.metadata.name}", "\"n\"")]
    [InlineData("$.metadata.name", "\"n\"")]
    [InlineData(".items[0].name", "\"a\"")]
    [InlineData(".items[-1].name", "\"c\"")]
    [InlineData(".items[*].name", "\"a\",\"b\",\"c\"")]
    [InlineData(".items[0:2].n", "1,5")]
    [InlineData(".items[::2].name", "\"a\",\"c\"")]
    [InlineData(".items[?(@.name==\"b\")].n", "5")]
    [InlineData(".items[?(@.name=='c')].n", "10")]
    [InlineData(".items[?(@.n>3)].name", "\"b\",\"c\"")]
    [InlineData(".items[?(@.n<=5)].name", "\"a\",\"b\"")]
    [InlineData(".items[?(@.name!=\"a\")].name", "\"b\",\"c\"")]
    [InlineData(".items[?(@.ok)].name", "\"a\",\"c\"")]
    [InlineData(".items[?(@.ok==true)].name", "\"a\"")]
    [InlineData(".metadata.labels.app\\.kubernetes\\.io/name", "\"web\"")]
    [InlineData(".metadata.labels['app.kubernetes.io/name']", "\"web\"")]
    [InlineData("..name", "\"a\",\"b\",\"c\",\"n\",\"deep\"")]
    [InlineData(".nested.*.name", "\"deep\"")]
    [InlineData(".", "")]
    public void Evaluate_SelectsMatchingNodes(string path, string expected)
    {
        var actual = path == "."
            ? (JsonPath.Parse(path).Evaluate(Doc).Single() == Doc ? "" : "wrong root")
            : string.Join(",", Eval(path));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(".missing.field")]
    [InlineData(".items[7]")]
    [InlineData(".metadata[0]")]
    [InlineData(".items.name")]
    [InlineData(".items[?(@.nope==\"x\")]")]
    public void Evaluate_MissingPaths_SelectNothing(string path) => Assert.Empty(Eval(path));

    [Fact]
    public void Evaluate_PresentNull_IsANullEntry()
    {
        var results = JsonPath.Parse(".a").Evaluate(JsonNode.Parse("""{"a":null}"""));

        Assert.Single(results);
        Assert.Null(results[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("spec.replicas")]
    [InlineData(".spec.")]
    [InlineData("..")]
    [InlineData(".items[")]
    [InlineData(".items[x]")]
    [InlineData(".items[1:2:0]")]
    [InlineData(".items[1:2:3:4]")]
    [InlineData(".items[?@.a]")]
    [InlineData(".items[?(@.a==)]")]
    [InlineData(".items[?(@.a==bare)]")]
    [InlineData("{.spec")]
    [InlineData(".a]")]
    public void Parse_RejectsMalformedPaths(string path)
    {
        var error = Assert.Throws<FormatException>(() => JsonPath.Parse(path));

        Assert.Contains("invalid JSONPath", error.Message);
        Assert.False(JsonPath.TryParse(path, out var parsed, out var message));
        Assert.Null(parsed);
        Assert.NotNull(message);
    }
}
