using KubeMcp.Agent.Mcp;
using KubeMcp.Cli.Hosting;
using KubeMcp.Cluster;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// The agent's MCP server: one given by URL, one started as a child process over stdio, or — with neither — the
/// embedded cluster and KubeMcp's own server started in this process, so the agent works on a fresh machine.
/// </summary>
internal sealed class AgentToolServer : IAsyncDisposable
{
    /// <summary>
    /// Per-request limit of the connection. Generous: the agent loop gives each tool call its own, shorter timeout
    /// (<see cref="KubeMcp.Agent.Loop.AgentOptions.ToolTimeout"/>) and retries transient failures itself.
    /// </summary>
    internal static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private readonly EmbeddedMcpStack? _stack;

    private AgentToolServer(McpConnection connection, string description, EmbeddedMcpStack? stack = null)
    {
        Connection = connection;
        Description = description;
        _stack = stack;
    }

    /// <summary>The connection to the server.</summary>
    public McpConnection Connection { get; }

    /// <summary>Where the tools come from, for the run's header.</summary>
    public string Description { get; }

    /// <summary>The embedded cluster, when this server was started with one.</summary>
    public EmbeddedCluster? Cluster => _stack?.Cluster;

    /// <summary>Connects to a server over Streamable HTTP. A bare base URL gets <c>/mcp</c>.</summary>
    /// <exception cref="McpClientException">The server cannot be reached or refused the session.</exception>
    public static async Task<AgentToolServer> ConnectHttpAsync(Uri url, Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicitation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var endpoint = url.AbsolutePath is "/" or "" ? new Uri(url, "/mcp") : url;
        var connection = await McpConnection.ConnectAsync(Options(elicitation, url: endpoint), cancellationToken).ConfigureAwait(false);
        return new AgentToolServer(connection, $"MCP server at {endpoint}");
    }

    /// <summary>Starts <paramref name="commandLine"/> (a program and its arguments) and speaks MCP over its stdin/stdout.</summary>
    /// <exception cref="ArgumentException">The command line is empty.</exception>
    /// <exception cref="FormatException">The command line has an unclosed quote.</exception>
    /// <exception cref="McpClientException">The server did not start or refused the session.</exception>
    public static async Task<AgentToolServer> ConnectStdioAsync(string commandLine, Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicitation, CancellationToken cancellationToken)
    {
        if (CommandLineSplitter.Split(commandLine ?? "").Count == 0)
        {
            throw new ArgumentException("--stdio needs the server's command line, e.g. --stdio \"kubemcp serve --stdio\".");
        }

        var connection = await McpConnection.ConnectAsync(Options(elicitation, stdio: commandLine), cancellationToken).ConfigureAwait(false);
        return new AgentToolServer(connection, $"MCP server over stdio: {commandLine}");
    }

    /// <summary>
    /// Starts the embedded cluster, lets <paramref name="prepare"/> put objects into it (the demo's scenario), then
    /// serves it with KubeMcp's MCP server on 127.0.0.1 (a free port) and connects to that.
    /// </summary>
    public static async Task<AgentToolServer> StartEmbeddedAsync(
        EmbeddedClusterOptions options,
        Func<EmbeddedCluster, CancellationToken, Task<IAsyncDisposable?>>? prepare,
        Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicitation,
        CancellationToken cancellationToken)
    {
        var stack = await EmbeddedMcpStack.StartAsync(new EmbeddedMcpStackOptions
        {
            Cluster = options,
            Prepare = prepare,
            Elicitation = elicitation,
        }, cancellationToken).ConfigureAwait(false);
        return new AgentToolServer(stack.Connection, $"embedded cluster at {stack.Cluster.Url} served by KubeMcp's MCP server", stack);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync().ConfigureAwait(false); // closes the connection too
            return;
        }

        await Connection.DisposeAsync().ConfigureAwait(false);
    }

    private static McpConnectionOptions Options(
        Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? elicitation, Uri? url = null, string? stdio = null) => new()
    {
        Url = url ?? McpConnectionOptions.DefaultUrl,
        StdioCommand = stdio,
        ClientName = "kubemcp-agent",
        Timeout = RequestTimeout,
        Elicitation = elicitation,
    };
}
