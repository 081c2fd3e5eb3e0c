using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class YamlTextTests
{
    [Fact]
    public void Write_QuotesStringsThatWouldReadAsOtherTypes()
    {
        var yaml = YamlText.Write(JsonNode.Parse("""{"a": "true", "b": "123", "c": "", "d": "null", "e": true, "f": 3, "g": "plain"}"""));

        Assert.Equal("a: \"true\"\nb: \"123\"\nc: \"\"\nd: \"null\"\ne: true\nf: 3\ng: plain\n", yaml);
    }

    [Fact]
    public void Write_BlockListsAndNestedMaps()
    {
        var yaml = YamlText.Write(JsonNode.Parse("""{"spec": {"containers": [{"name": "web", "ports": [{"containerPort": 80}]}], "empty": {}, "none": []}}"""));

        Assert.Equal("spec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n  empty: {}\n  none: []\n", yaml);
    }

    [Fact]
    public void Write_MultilineStringsAsLiteralBlocks()
    {
        var yaml = YamlText.Write(JsonNode.Parse("""{"script": "echo one\necho two\n"}"""));

        Assert.StartsWith("script: |", yaml);
        Assert.Contains("  echo two", yaml);
    }

    [Fact]
    public void Write_RoundTripsThroughManifestReader()
    {
        var original = JsonNode.Parse("""{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"n": "42", "flag": "yes", "text": "a: b"}}""")!;

        var back = ManifestReader.Read(YamlText.Write(original), "resource")[0];

        Assert.True(JsonNode.DeepEquals(original, back), back.ToJsonString());
    }
}
