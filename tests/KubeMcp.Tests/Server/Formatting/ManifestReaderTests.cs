using KubeMcp.Server.Formatting;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class ManifestReaderTests
{
    [Fact]
    public void Read_MultipleYamlDocumentsWithTypedScalars()
    {
        var docs = ManifestReader.Read("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            data: {quoted: "5"}
            ---
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: b
            spec:
              replicas: 3
              paused: false
              ratio: 0.5
              nothing: null
            """, "resource");

        Assert.Equal(2, docs.Count);
        Assert.Equal("5", docs[0]["data"]!["quoted"]!.GetValue<string>());
        Assert.Equal(3, docs[1]["spec"]!["replicas"]!.GetValue<long>());
        Assert.False(docs[1]["spec"]!["paused"]!.GetValue<bool>());
        Assert.Equal(0.5, docs[1]["spec"]!["ratio"]!.GetValue<double>());
        Assert.Null(docs[1]["spec"]!["nothing"]);
    }

    [Fact]
    public void Read_JsonObjectAndList()
    {
        var one = ManifestReader.Read("""{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}}""", "resource");
        var list = ManifestReader.Read("""{"kind": "List", "items": [{"kind": "Pod"}, {"kind": "Service"}]}""", "resource");

        Assert.Single(one);
        Assert.Equal(["Pod", "Service"], list.Select(i => i["kind"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("kind: [unclosed", "is not valid YAML")]
    [InlineData("{\"kind\": ", "is not valid JSON")]
    [InlineData("   ", "is empty")]
    [InlineData("- just\n- a list\n", "must be a mapping")]
    [InlineData("# only a comment\n", "holds no object")]
    public void Read_MalformedInputNamesTheArgument(string text, string problem)
    {
        var e = Assert.Throws<ToolArgumentException>(() => ManifestReader.Read(text, "resource"));

        Assert.Equal("resource", e.Argument);
        Assert.Contains(problem, e.Message);
    }
}
