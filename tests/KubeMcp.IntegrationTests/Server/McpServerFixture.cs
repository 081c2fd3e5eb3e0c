using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>An embedded cluster plus our MCP server on a real Kestrel socket (127.0.0.1:0), shared by one test class.</summary>
public sealed class McpServerFixture : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new();
    private WebApplication? _app;

    public ClusterFixture Cluster => _cluster;

    public Uri Endpoint { get; private set; } = null!;

    public Uri BaseAddress => new(Endpoint.GetLeftPart(UriPartial.Authority));

    /// <summary>Options the server was started with; tests may read but not change them.</summary>
    /// <remarks>The tool tests exercise destructive tools directly, so the policy is permissive; policy has its own tests.</remarks>
    public KubeMcpServerOptions Options { get; } = new()
    {
        AllowedChartSources = [Path.GetTempPath()],
        Policy = KubeMcp.Server.Policy.PolicyDocument.Permissive,
        RateLimits = KubeMcp.Server.Hosting.RateLimitOptions.Unlimited,
    };

    public async ValueTask InitializeAsync()
    {
        await _cluster.InitializeAsync();
        Options.Kubeconfig = _cluster.KubeconfigPath;
        Options.HelmPath = Validators.Find("helm");
        _app = KubeMcpHost.CreateHttp(Options, "127.0.0.1", 0);
        await _app.StartAsync();
        Endpoint = new Uri(_app.Urls.First() + "/mcp");
    }

    /// <summary>A connected official MCP client, pinned to a session-based protocol version.</summary>
    public Task<McpClient> ConnectAsync(CancellationToken ct = default) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
        }), new McpClientOptions { ProtocolVersion = "2025-06-18" }, cancellationToken: ct);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await _cluster.DisposeAsync();
    }
}
