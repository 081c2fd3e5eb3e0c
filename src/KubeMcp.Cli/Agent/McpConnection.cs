using KubeMcp.Cli.Hosting;
using KubeMcp.Cluster;
using KubeMcp.Server;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// The agent's MCP server: one given by URL, one started as a child process over stdio, or — with neither — the
/// embedded cluster and KubeMcp's own server started in this process, so the agent works on a fresh machine.
/// </summary>
internal sealed class McpConnection : IAsyncDisposable
{
    private readonly EmbeddedMcpStack? _stack;

    private McpConnection(McpClient client, string description, EmbeddedMcpStack? stack = null)
    {
        Client = client;
        Description = description;
        _stack = stack;
    }

    /// <summary>The connected client.</summary>
    public McpClient Client { get; }

    /// <summary>Where the tools come from, for the run's header.</summary>
    public string Description { get; }

    /// <summary>The embedded cluster, when this connection started one.</summary>
    public EmbeddedCluster? Cluster => _stack?.Cluster;

    /// <summary>Connects to a server over Streamable HTTP (or SSE, detected). A bare base URL gets <c>/mcp</c>.</summary>
    public static async Task<McpConnection> ConnectHttpAsync(Uri url, CancellationToken cancellationToken, ElicitationHandler? elicitation = null)
    {
        var endpoint = url.AbsolutePath is "/" or "" ? new Uri(url, "/mcp") : url;
        var transport = new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint, Name = "kubemcp-agent" });
        var client = await McpClient.CreateAsync(transport, ClientOptions(elicitation), cancellationToken: cancellationToken).ConfigureAwait(false);
        return new McpConnection(client, $"MCP server at {endpoint}");
    }

    /// <summary>Starts <paramref name="commandLine"/> (a program and its arguments) and speaks MCP over its stdin/stdout.</summary>
    /// <exception cref="ArgumentException">The command line is empty or has an unterminated quote.</exception>
    public static async Task<McpConnection> ConnectStdioAsync(string commandLine, CancellationToken cancellationToken, ElicitationHandler? elicitation = null)
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
        // A child process can take seconds to start (dotnet, npx). If the server/discover probe times out before the
        // server reads it, the late answer and the initialize fallback collide, so give the probe the start-up time.
        var options = ClientOptions(elicitation);
        options.DiscoverProbeTimeout = StdioStartupTimeout;
        var client = await McpClient.CreateAsync(transport, options, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new McpConnection(client, $"MCP server over stdio: {commandLine}");
    }

    /// <summary>
    /// Starts the embedded cluster, lets <paramref name="prepare"/> put objects into it (the demo's scenario), then
    /// serves it with KubeMcp's MCP server on 127.0.0.1 (a free port) and connects to that.
    /// </summary>
    public static async Task<McpConnection> StartEmbeddedAsync(
        EmbeddedClusterOptions options,
        Func<EmbeddedCluster, CancellationToken, Task<IAsyncDisposable?>>? prepare,
        CancellationToken cancellationToken,
        ElicitationHandler? elicitation = null)
    {
        var stack = await EmbeddedMcpStack.StartAsync(new EmbeddedMcpStackOptions
        {
            Cluster = options,
            Prepare = prepare,
            ConfigureClient = client =>
            {
                if (elicitation is not null)
                {
                    client.Handlers.ElicitationHandler = (request, ct) => elicitation(request, ct);
                }
            },
        }, cancellationToken)
            .ConfigureAwait(false);
        return new McpConnection(stack.Client, $"embedded cluster at {stack.Cluster.Url} served by KubeMcp's MCP server", stack);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await Client.DisposeAsync().ConfigureAwait(false);
    }

    private static readonly TimeSpan StdioStartupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Answers a server's elicitation request (KubeMcp's policy asks for approvals this way).</summary>
    public delegate ValueTask<ElicitResult> ElicitationHandler(ElicitRequestParams? request, CancellationToken cancellationToken);

    private static McpClientOptions ClientOptions(ElicitationHandler? elicitation)
    {
        var options = new McpClientOptions
        {
            ClientInfo = new() { Name = "kubemcp-agent", Version = KubeMcpServerBuilderExtensions.Version },
        };
        if (elicitation is not null)
        {
            options.Handlers.ElicitationHandler = (request, ct) => elicitation(request, ct);
        }
        return options;
    }
}
