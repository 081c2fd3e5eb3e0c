using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>
/// <c>kubemcp tools list --output</c> against the Go kubernetes-mcp-server and against ours (same kubeconfig, toolsets
/// core,config,helm): the two catalogs list the same tool names, and each tool the same parameter names and required set.
/// </summary>
[Collection(ThreeServersCollection.Name)]
public sealed class CatalogParityTests(ThreeServersFixture servers)
{
    [Fact]
    public async Task Catalogs_FromGoServerAndOurs_HaveTheSameToolsAndParameters()
    {
        var go = servers.RequireGo();
        var goPath = Path.Combine(servers.Ours.Cluster.Directory, "tools_catalog_go.json");
        var ourPath = Path.Combine(servers.Ours.Cluster.Directory, "tools_catalog_kubemcp.json");

        await KubemcpCli.OkAsync("tools", "list", "--url", go.Endpoint.ToString(), "--output", goPath);
        await KubemcpCli.OkAsync("tools", "list", "--url", servers.Ours.Endpoint.ToString(), "--output", ourPath);

        var goCatalog = ToolCatalog.Parse(await File.ReadAllTextAsync(goPath, TestContext.Current.CancellationToken));
        var ourCatalog = ToolCatalog.Parse(await File.ReadAllTextAsync(ourPath, TestContext.Current.CancellationToken));
        Assert.Equal("kubernetes-mcp-server", goCatalog.Server.Name);
        Assert.Equal("kubemcp", ourCatalog.Server.Name);
        Assert.Equal(goCatalog.Tools.Select(t => t.Name), ourCatalog.Tools.Select(t => t.Name));
        foreach (var (goTool, ourTool) in goCatalog.Tools.Zip(ourCatalog.Tools))
        {
            Assert.True(Parameters(goTool).SetEquals(Parameters(ourTool)),
                $"{goTool.Name}: Go has ({string.Join(", ", Parameters(goTool).Order())}), ours has ({string.Join(", ", Parameters(ourTool).Order())})");
            Assert.Equal(goTool.ToDescriptor().Required.Order(), ourTool.ToDescriptor().Required.Order());
        }
    }

    private static HashSet<string> Parameters(ToolCatalogTool tool) =>
        [.. (tool.InputSchema["properties"] as JsonObject ?? []).Select(p => p.Key)];
}
