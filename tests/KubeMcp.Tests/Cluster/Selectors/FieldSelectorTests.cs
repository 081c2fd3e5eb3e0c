using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Tests.Cluster.Selectors;

public sealed class FieldSelectorTests
{
    private static readonly JsonObject Pod = JsonNode.Parse("""
        {"kind":"Pod","metadata":{"name":"web-1","namespace":"shop"},
         "spec":{"nodeName":"worker","restartPolicy":"Always"},"status":{"phase":"Running","podIP":"10.0.0.4"}}
        """)!.AsObject();

    [Theory]
    [InlineData("metadata.name=web-1", true)]
    [InlineData("metadata.name==web-1", true)]
    [InlineData("metadata.name!=web-1", false)]
    [InlineData("metadata.namespace=shop,status.phase=Running", true)]
    [InlineData("status.phase!=Running", false)]
    [InlineData("spec.nodeName=worker,status.phase=Pending", false)]
    [InlineData("spec.nodeName=", false)]
    [InlineData("status.nominatedNodeName=", true)]
    [InlineData("spec.hostNetwork=false", true)]
    [InlineData("status.podIP=10.0.0.4", true)]
    [InlineData("metadata.name=web-1,", true)]
    [InlineData(",,metadata.name=web-1", true)]
    public void Matches_PodFields(string selector, bool expected) =>
        Assert.Equal(expected, FieldSelector.Parse(selector, "Pod").Matches(Pod));

    [Fact]
    public void Matches_EventsByInvolvedObjectAndSource()
    {
        var e = JsonNode.Parse("""
            {"kind":"Event","involvedObject":{"kind":"Node","name":"worker","uid":"worker"},"reason":"NodeReady",
             "source":{"component":"kubelet"},"type":"Normal"}
            """)!.AsObject();

        Assert.True(FieldSelector.Parse("involvedObject.kind=Node,involvedObject.uid=worker,source=kubelet", "Event").Matches(e));
        Assert.False(FieldSelector.Parse("involvedObject.namespace=default", "Event").Matches(e));
    }

    [Fact]
    public void Parse_UnescapesValues()
    {
        var cm = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "a,b=c" } };

        Assert.True(FieldSelector.Parse(@"metadata.name=a\,b\=c", "ConfigMap").Matches(cm));
    }

    [Theory]
    [InlineData("spec.foo=x", "Pod", "field label not supported: spec.foo")]
    [InlineData("status.phase=Running", "ConfigMap", "field label not supported: status.phase")]
    [InlineData("metadata.name", "Pod", "invalid selector: 'metadata.name'; can't understand 'metadata.name'")]
    [InlineData("=x", "Pod", "can't understand '=x'")]
    [InlineData("metadata.name>x", "Pod", "can't understand")]
    [InlineData(@"metadata.name=a\x", "Pod", "invalid escape sequence")]
    [InlineData(@"metadata.name=a\", "Pod", "invalid escape sequence")]
    public void Parse_RejectsMalformedOrUnsupportedSelectorsWith400(string selector, string kind, string message)
    {
        var error = Assert.Throws<ApiException>(() => FieldSelector.Parse(selector, kind));

        Assert.Equal(400, error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_EmptySelectorSelectsEverything()
    {
        Assert.Same(FieldSelector.Everything, FieldSelector.Parse(" ", "Pod"));
        Assert.Same(FieldSelector.Everything, FieldSelector.Parse(",", "Pod"));
    }
}
