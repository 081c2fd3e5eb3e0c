using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>Our MCP server on 127.0.0.1:0 in front of a shared test cluster, with the options one test needs.</summary>
public sealed class HardenedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HardenedServer(WebApplication app, KubeMcpServerOptions options)
    {
        _app = app;
        Options = options;
    }

    public KubeMcpServerOptions Options { get; }

    public Uri BaseAddress => new(_app.Urls.First());

    public Uri Endpoint => new(BaseAddress, "/mcp");

    public static async Task<HardenedServer> StartAsync(ClusterFixture cluster, Action<KubeMcpServerOptions>? configure = null)
    {
        var options = new KubeMcpServerOptions { Kubeconfig = cluster.KubeconfigPath };
        configure?.Invoke(options);
        var app = KubeMcpHost.CreateHttp(options, "127.0.0.1", 0);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new HardenedServer(app, options);
    }

    /// <summary>An MCP client; with <paramref name="elicitation"/> it declares elicitation and answers with it.</summary>
    public Task<McpClient> ConnectAsync(Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicitation = null,
        HttpClient? http = null, IDictionary<string, string>? headers = null)
    {
        var transportOptions = new HttpClientTransportOptions
        {
            Endpoint = Endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = headers,
        };
        var transport = http is null ? new HttpClientTransport(transportOptions) : new HttpClientTransport(transportOptions, http, ownsHttpClient: false);
        var options = new McpClientOptions { ProtocolVersion = "2025-06-18" };
        if (elicitation is not null)
        {
            options.Handlers = new McpClientHandlers { ElicitationHandler = elicitation };
        }
        return McpClient.CreateAsync(transport, options, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
