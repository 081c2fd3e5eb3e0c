using KubeMcp.IntegrationTests.Infrastructure;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server;

/// <summary><c>kubemcp serve --stdio</c> as a child process, driven by the official MCP client.</summary>
public sealed class StdioTransportTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stdio_ListsToolsAndCallsPodsList()
    {
        var pods = new TestObjects(cluster);
        await pods.NamespaceAsync("stdio");
        await pods.PodAsync("stdio", "over-stdio", status: TestObjects.Running());
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kubemcp",
            Command = "dotnet",
            Arguments = [Path.Combine(AppContext.BaseDirectory, "kubemcp.dll"), "serve", "--stdio", "--kubeconfig", cluster.KubeconfigPath],
        });
        await using var client = await McpClient.CreateAsync(transport, cancellationToken: Ct);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var text = await client.OkAsync("pods_list_in_namespace", new { @namespace = "stdio" });

        Assert.Equal(23, tools.Count);
        Assert.Contains("over-stdio", text);
        Assert.Contains("Running", text);
    }
}
