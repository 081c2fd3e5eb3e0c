using KubeMcp.Cluster;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// The agent's MCP server: one given by URL, one started as a child process over stdio, or — with neither — the
/// embedded cluster and KubeMcp's own server started in this process, so the agent works on a fresh machine.
/// </summary>
internal sealed class McpConnection : IAsyncDisposable
{
    private readonly WebApplication? _server;
    private readonly IAsyncDisposable? _scenario;

    private McpConnection(McpClient client, string description, EmbeddedCluster? cluster = null, WebApplication? server = null, IAsyncDisposable? scenario = null)
    {
        Client = client;
        Description = description;
        Cluster = cluster;
        _server = server;
        _scenario = scenario;
    }

    /// <summary>The connected client.</summary>
    public McpClient Client { get; }

    /// <summary>Where the tools come from, for the run's header.</summary>
    public string Description { get; }

    /// <summary>The embedded cluster, when this connection started one.</summary>
    public EmbeddedCluster? Cluster { get; }

    /// <summary>Connects to a server over Streamable HTTP (or SSE, detected). A bare base URL gets <c>/mcp</c>.</summary>
    public static async Task<McpConnection> ConnectHttpAsync(Uri url, CancellationToken cancellationToken)
    {
        var endpoint = url.AbsolutePath is "/" or "" ? new Uri(url, "/mcp") : url;
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, Name = "kubemcp-agent" });
        var client = await McpClient.CreateAsync(transport, ClientOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new McpConnection(client, $"MCP server at {endpoint}");
    }

    /// <summary>Starts <paramref name="commandLine"/> (a program and its arguments) and speaks MCP over its stdin/stdout.</summary>
    /// <exception cref="ArgumentException">The command line is empty or has an unterminated quote.</exception>
    public static async Task<McpConnection> ConnectStdioAsync(string commandLine, CancellationToken cancellationToken)
    {
        var words = CommandLineSplitter.Split(commandLine);
        if (words.Count == 0)
        {
            throw new ArgumentException("--stdio needs the server's command line, e.g. --stdio \"kubemcp serve --stdio\".");
        }

        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kubemcp-agent",
            Command = words[0],
            Arguments = [.. words.Skip(1)],
        });
        var client = await McpClient.CreateAsync(transport, ClientOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new McpConnection(client, $"MCP server over stdio: {commandLine}");
    }

    /// <summary>
    /// Starts the embedded cluster, lets <paramref name="prepare"/> put objects into it (the demo's scenario), then
    /// serves it with KubeMcp's MCP server on 127.0.0.1 (a free port) and connects to that.
    /// </summary>
    public static async Task<McpConnection> StartEmbeddedAsync(
        EmbeddedClusterOptions options,
        Func<EmbeddedCluster, CancellationToken, Task<IAsyncDisposable?>>? prepare,
        CancellationToken cancellationToken)
    {
        var cluster = await EmbeddedCluster.StartAsync(options, cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? scenario = null;
        WebApplication? server = null;
        try
        {
            if (prepare is not null)
            {
                scenario = await prepare(cluster, cancellationToken).ConfigureAwait(false);
            }

            server = KubeMcpHost.CreateHttp(new KubeMcpServerOptions { KubeconfigYaml = cluster.KubeconfigYaml() }, "127.0.0.1", 0);
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            var endpoint = new Uri(server.Urls.First() + "/mcp");
            var transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = endpoint,
                TransportMode = HttpTransportMode.StreamableHttp,
                Name = "kubemcp-agent",
            });
            var client = await McpClient.CreateAsync(transport, ClientOptions, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new McpConnection(client, $"embedded cluster at {cluster.Url} served by KubeMcp's MCP server", cluster, server, scenario);
        }
        catch
        {
            await StopAsync(server, scenario, cluster).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        await StopAsync(_server, _scenario, Cluster).ConfigureAwait(false);
    }

    private static McpClientOptions ClientOptions => new()
    {
        ClientInfo = new() { Name = "kubemcp-agent", Version = KubeMcpServerBuilderExtensions.Version },
    };

    private static async Task StopAsync(WebApplication? server, IAsyncDisposable? scenario, EmbeddedCluster? cluster)
    {
        if (server is not null)
        {
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }

        if (scenario is not null)
        {
            await scenario.DisposeAsync().ConfigureAwait(false);
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }
    }
}
