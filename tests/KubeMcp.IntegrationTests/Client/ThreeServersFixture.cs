using System.Globalization;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>
/// The three servers the client is tested against, on one embedded cluster: ours (in-process, Streamable HTTP), the Go
/// kubernetes-mcp-server 0.0.67 and @modelcontextprotocol/server-everything (child processes). The third-party ones
/// are null when eng/install-validators.sh has not been run.
/// </summary>
public sealed class ThreeServersFixture : IAsyncLifetime
{
    public McpServerFixture Ours { get; } = new();

    public ServerProcess? Go { get; private set; }

    public ServerProcess? Everything { get; private set; }

    public string Kubeconfig => Ours.Cluster.KubeconfigPath;

    public async ValueTask InitializeAsync()
    {
        await Ours.InitializeAsync();
        if (Validators.Find("kubernetes-mcp-server") is { } go)
        {
            Go = await ServerProcess.StartAsync(go,
                port => ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1", "--kubeconfig", Kubeconfig, "--toolsets", "core,config,helm"],
                "/mcp",
                // Without these the Go client throttles itself to 5 requests per second.
                new Dictionary<string, string> { ["KUBE_CLIENT_QPS"] = "1000", ["KUBE_CLIENT_BURST"] = "2000" });
        }

        if (Validators.Find("mcp-server-everything") is { } everything)
        {
            Everything = await ServerProcess.StartAsync(everything, _ => ["streamableHttp"], "/mcp",
                portEnvironment: port => new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture) });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Go is not null)
        {
            await Go.DisposeAsync();
        }

        if (Everything is not null)
        {
            await Everything.DisposeAsync();
        }

        await Ours.DisposeAsync();
    }

    public ServerProcess RequireGo() => Go ?? throw Skip("kubernetes-mcp-server");

    public ServerProcess RequireEverything() => Everything ?? throw Skip("mcp-server-everything");

    private static Exception Skip(string name)
    {
        Assert.Skip($"{name} is not installed; run eng/install-validators.sh");
        return new InvalidOperationException("unreachable");
    }
}
