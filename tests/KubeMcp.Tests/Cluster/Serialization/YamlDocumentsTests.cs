using System.Text;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Tests.Cluster.Serialization;

public sealed class YamlDocumentsTests
{
    [Fact]
    public void Parse_TypesPlainScalarsAndKeepsQuotedOnesAsStrings()
    {
        var doc = Assert.Single(YamlDocuments.Parse("replicas: 3\nratio: 0.5\non: true\nversion: \"1.0\"\nempty:\n"));

        Assert.Equal("""{"replicas":3,"ratio":0.5,"on":true,"version":"1.0","empty":null}""", doc.ToJsonString());
    }

    [Fact]
    public void Parse_ResolvesAliases()
    {
        var doc = Assert.Single(YamlDocuments.Parse("base: &b {app: web}\ncopy: *b\n"));

        Assert.Equal("web", doc["copy"]!["app"]!.ToString());
    }

    [Theory]
    [InlineData("a: [\nb: c", "ends early")]
    [InlineData("a: {b: c", "error parsing YAML")]
    [InlineData("a: 'unterminated", "error parsing YAML")]
    [InlineData("a: b\n  c: d", "error parsing YAML at line")]
    [InlineData("a: 1\na: 2", "Duplicate key")]
    [InlineData("? [a, b]\n: c", "mapping keys must be strings")]
    [InlineData("a: *missing", "error parsing YAML")]
    [InlineData("a: b: c", "error parsing YAML at line")]
    public void Parse_MalformedYaml_IsBadRequest(string yaml, string message)
    {
        var error = Assert.Throws<ApiException>(() => YamlDocuments.Parse(yaml));

        Assert.Equal(400, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_DeeplyNestedFlowCollections_AreRefusedWithoutExhaustingTheStack()
    {
        var yaml = "a: " + new string('[', 200_000) + new string(']', 200_000);

        var error = Assert.Throws<ApiException>(() => YamlDocuments.Parse(yaml));

        Assert.Contains("nested more than 1000 levels", error.Message);
    }

    [Fact]
    public void Parse_NestingJustUnderTheLimit_IsAccepted()
    {
        var yaml = "a: " + new string('[', 999) + new string(']', 999);

        Assert.Single(YamlDocuments.Parse(yaml));
    }

    [Fact]
    public void Parse_AliasesThatExpandExponentially_AreRefused()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var error = Assert.Throws<ApiException>(() => YamlDocuments.Parse(yaml.ToString()));

        Assert.Contains("too many nodes through aliases", error.Message);
    }
}
