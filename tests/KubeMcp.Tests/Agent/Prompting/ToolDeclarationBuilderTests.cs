using System.Text.Json.Nodes;
using KubeMcp.Agent.Prompting;
using KubeMcp.Agent.Tools;
using KubeMcp.Tests.Agent.Fakes;

namespace KubeMcp.Tests.Agent.Prompting;

public sealed class ToolDeclarationBuilderTests
{
    private static readonly ToolDescriptor Log = ToolDescriptor.Create("pods_log",
        "Get the newest lines of a pod container's log (default: the last 100 lines). Output is capped in size, keeping the newest lines. " +
        "For a container in CrashLoopBackOff set previous=true to read the log of the run that crashed, e.g. after a restart. " +
        "Example: {\"name\": \"web-1\", \"previous\": true}.",
        """
        {"type":"object","properties":{
          "name":{"type":"string","description":"Name of the pod."},
          "namespace":{"type":"string","description":"Namespace of the pod (optional; default: the context's namespace)."},
          "tail":{"type":"integer","minimum":0,"default":100,"description":"How many of the newest lines to return (optional; default 100; 0 = all)."},
          "fieldSelector":{"type":"string","description":"Only pods whose fields match, e.g. 'status.phase=Running', 'spec.nodeName=node-1' or 'status.phase!=Succeeded', and many more fields besides."}
        },"required":["name"]}
        """) with { ReadOnlyHint = true };

    [Fact]
    public void Compact_KeepsLeadingSentencesWithinTheLimitAndDropsExamples()
    {
        var declaration = ToolDeclarationBuilder.Build(Log, compact: true);

        Assert.Equal("Get the newest lines of a pod container's log (default: the last 100 lines). Output is capped in size, keeping the newest lines.",
            declaration.Description);
    }

    [Fact]
    public void Compact_ShortensParametersButKeepsTypesDefaultsAndRequired()
    {
        var schema = JsonNode.Parse(ToolDeclarationBuilder.Build(Log, compact: true).JsonSchema.GetRawText())!;

        Assert.Equal("Name of the pod.", schema["properties"]!["name"]!["description"]!.GetValue<string>());
        Assert.Equal("Namespace of the pod.", schema["properties"]!["namespace"]!["description"]!.GetValue<string>());
        Assert.Equal(100, schema["properties"]!["tail"]!["default"]!.GetValue<int>());
        Assert.Null(schema["properties"]!["tail"]!["minimum"]);
        Assert.Equal("integer", schema["properties"]!["tail"]!["type"]!.GetValue<string>());
        Assert.Equal("name", schema["required"]![0]!.GetValue<string>());
        // Too long for one sentence: cut at a clause boundary, never inside a quoted example.
        Assert.Equal("Only pods whose fields match, e.g. 'status.phase=Running'…",
            schema["properties"]!["fieldSelector"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public void Full_KeepsTheServersTextAndMarksDestructiveToolsEitherWay()
    {
        var full = ToolDeclarationBuilder.Build(Log, compact: false);
        var delete = ToolDeclarationBuilder.Build(KubeTools.PodsDelete, compact: false);
        var compactDelete = ToolDeclarationBuilder.Build(KubeTools.PodsDelete, compact: true);

        Assert.Equal(Log.Description, full.Description);
        Assert.Contains("\"minimum\":0", full.JsonSchema.GetRawText().Replace(" ", ""));
        Assert.Equal("[destructive] Delete a pod.", delete.Description);
        Assert.Equal("[destructive] Delete a pod.", compactDelete.Description);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("No full stop at all", "No full stop at all")]
    [InlineData("Example: {\"a\": 1}. Then the real text.", "Then the real text.")]
    [InlineData("Lists things, e.g. Pods. Second sentence.", "Lists things, e.g. Pods. Second sentence.")]
    [InlineData("(optional)", "")]
    public void Shorten_CopesWithOddText(string text, string expected) =>
        Assert.Equal(expected, ToolDeclarationBuilder.Shorten(text, 200));

    [Fact]
    public void Shorten_CutsAnOverlongWordlessSentence()
    {
        var shortened = ToolDeclarationBuilder.Shorten(new string('x', 300), 50);

        Assert.Equal(new string('x', 49) + "…", shortened);
    }
}
