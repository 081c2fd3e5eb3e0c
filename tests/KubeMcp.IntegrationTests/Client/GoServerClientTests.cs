using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>The real kubemcp CLI against the Go kubernetes-mcp-server 0.0.67 on the same embedded cluster.</summary>
[Collection(ThreeServersCollection.Name)]
public sealed class GoServerClientTests(ThreeServersFixture servers)
{
    [Fact]
    public async Task ListDescribeAndCall()
    {
        var url = servers.RequireGo().Endpoint.ToString();
        var objects = new TestObjects(servers.Ours.Cluster);
        await objects.NamespaceAsync("client-go");
        await objects.PodAsync("client-go", "api-0", status: TestObjects.Running());

        var list = await KubemcpCli.OkAsync("tools", "list", "--url", url);
        var describe = await KubemcpCli.OkAsync("tools", "describe", "pods_log", "--url", url);
        var call = await KubemcpCli.OkAsync("tools", "call", "pods_list_in_namespace", "--arg", "namespace=client-go", "--url", url);

        Assert.Matches(@"(?m)^pods_list\s+read-only\s+-\s+", list);
        Assert.Contains("tools from kubernetes-mcp-server v0.0.67, MCP protocol 2025-11-25.", list);
        Assert.Matches(@"(?m)^name\s+string\s+yes\s", describe);
        Assert.Matches(@"(?m)^tail\s+integer\s", describe);
        Assert.Contains("api-0", call);
    }

    [Fact]
    public async Task ToolErrorAndInvalidArguments()
    {
        var url = servers.RequireGo().Endpoint.ToString();

        var toolError = await KubemcpCli.RunAsync("tools", "call", "pods_get", "--arg", "name=does-not-exist", "--arg", "namespace=default", "--url", url);
        var invalid = await KubemcpCli.RunAsync("tools", "call", "pods_log", "--arg", "tail=ten", "--url", url);

        Assert.Equal(1, toolError.ExitCode);
        Assert.Contains("does-not-exist", toolError.Stderr);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("  - tail: must be an integer, but got the string \"ten\".", invalid.Stderr);
        Assert.Contains("  - name: is required but was not given.", invalid.Stderr);
        Assert.Contains("The input schema of pods_log:", invalid.Stderr);
    }
}
