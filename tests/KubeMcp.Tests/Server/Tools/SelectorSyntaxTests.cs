using System.Text.Json;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Tools;

public sealed class SelectorSyntaxTests
{
    private static ToolArguments Args(string name, string value) =>
        ToolArguments.Parse(new Dictionary<string, JsonElement> { [name] = JsonSerializer.SerializeToElement(value) }, [ToolParameter.String(name, "")]);

    [Theory]
    [InlineData("app=web")]
    [InlineData("app=web,tier!=cache")]
    [InlineData("env in (prod,staging)")]
    [InlineData("!canary")]
    [InlineData("app.kubernetes.io/name=web")]
    [InlineData("node-role.kubernetes.io/worker=")]
    public void Label_AcceptsKubernetesSyntax(string selector) =>
        Assert.Equal(selector, SelectorSyntax.Label(Args("labelSelector", selector), "labelSelector"));

    [Theory]
    [InlineData("app==(web")]
    [InlineData("app=web;rm -rf")]
    [InlineData(",app=web")]
    [InlineData("app=\"web\"")]
    public void Label_RejectsMalformedSelectors(string selector)
    {
        var e = Assert.Throws<ToolArgumentException>(() => SelectorSyntax.Label(Args("labelSelector", selector), "labelSelector"));

        Assert.Equal("labelSelector", e.Argument);
        Assert.Contains("is not a label selector", e.Message);
    }

    [Theory]
    [InlineData("status.phase=Running")]
    [InlineData("metadata.name!=web,spec.nodeName=node-1")]
    [InlineData("involvedObject.name==web-1")]
    [InlineData("type=Warning")]
    public void Field_AcceptsKubernetesSyntax(string selector) =>
        Assert.Equal(selector, SelectorSyntax.Field(Args("fieldSelector", selector), "fieldSelector"));

    [Theory]
    [InlineData("status.phase")]
    [InlineData("status.phase in (Running)")]
    [InlineData("=Running")]
    [InlineData("a=b,,c=d")]
    public void Field_RejectsMalformedSelectors(string selector)
    {
        var e = Assert.Throws<ToolArgumentException>(() => SelectorSyntax.Field(Args("fieldSelector", selector), "fieldSelector"));

        Assert.Equal("fieldSelector", e.Argument);
    }
}
