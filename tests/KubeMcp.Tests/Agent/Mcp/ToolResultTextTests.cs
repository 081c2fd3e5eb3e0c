using System.Text.Json;
using KubeMcp.Agent.Mcp;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Tests.Agent.Mcp;

public sealed class ToolResultTextTests
{
    [Fact]
    public void Render_JoinsTextAndNamesOtherContent()
    {
        var result = new CallToolResult
        {
            Content =
            [
                new TextContentBlock { Text = "first" },
                ImageContentBlock.FromBytes(new byte[30], "image/png"),
                new ResourceLinkBlock { Uri = "file:///tmp/x", Name = "x" },
                new TextContentBlock { Text = "last" },
            ],
        };

        Assert.Equal("first\n[image content (image/png, 30 bytes) omitted]\n[resource link: file:///tmp/x]\nlast", ToolResultText.Render(result));
    }

    [Fact]
    public void Render_StructuredContentWhenThereIsNoText()
    {
        var result = new CallToolResult { Content = [], StructuredContent = JsonDocument.Parse("""{"sum":5}""").RootElement };

        Assert.Equal("""{"sum":5}""", ToolResultText.Render(result));
    }
}
