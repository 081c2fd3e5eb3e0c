namespace KubeMcp.IntegrationTests.Client;

/// <summary>The real kubemcp CLI against @modelcontextprotocol/server-everything (the MCP reference server).</summary>
[Collection(ThreeServersCollection.Name)]
public sealed class EverythingServerClientTests(ThreeServersFixture servers)
{
    [Fact]
    public async Task ListDescribeAndCall()
    {
        var url = servers.RequireEverything().Endpoint.ToString();

        var list = await KubemcpCli.OkAsync("tools", "list", "--url", url);
        var describe = await KubemcpCli.OkAsync("tools", "describe", "get-sum", "--url", url);
        var echo = await KubemcpCli.OkAsync("tools", "call", "echo", "--arg", "message=hello from kubemcp", "--url", url);
        var sum = await KubemcpCli.OkAsync("tools", "call", "get-sum", "--arg", "a=40", "--arg", "b=2", "--url", url);
        var image = await KubemcpCli.OkAsync("tools", "call", "get-tiny-image", "--url", url);

        Assert.Matches(@"(?m)^echo\s+\S+\s+message\s", list);
        Assert.Contains("tools from mcp-servers/everything", list);
        Assert.Matches(@"(?m)^a\s+number\s+yes\s", describe);
        Assert.Contains("hello from kubemcp", echo);
        Assert.Contains("42", sum);
        Assert.Contains("[image content (image/png", image);
    }

    [Fact]
    public async Task InvalidArgumentsAreCheckedBeforeSending()
    {
        var url = servers.RequireEverything().Endpoint.ToString();

        var result = await KubemcpCli.RunAsync("tools", "call", "get-sum", "--arg", "a=two", "--arg", "c=3", "--url", url);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("  - a: must be a number, but got the string \"two\".", result.Stderr);
        Assert.Contains("  - c: is not a parameter of get-sum.", result.Stderr);
        Assert.Contains("  - b: is required but was not given.", result.Stderr);
    }
}
