using KubeMcp.Cluster;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;
using KubeMcp.Agent.Mcp;
using Microsoft.AspNetCore.Builder;

namespace KubeMcp.Cli.Hosting;

/// <summary>
/// The whole stack in this process: the embedded cluster, KubeMcp's MCP server in front of it on 127.0.0.1 (a free
/// port, on the cluster's clock), and an MCP connection to that server. <c>ask</c>, <c>chat</c> and
/// <c>demo</c> use it when no server is given; <c>eval</c> starts one per task.
/// </summary>
internal sealed class EmbeddedMcpStack : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly IAsyncDisposable? _prepared;

    private EmbeddedMcpStack(EmbeddedCluster cluster, WebApplication server, IAsyncDisposable? prepared, KubeMcpServerOptions serverOptions,
        Uri endpoint, McpConnection connection)
    {
        Cluster = cluster;
        _server = server;
        _prepared = prepared;
        ServerOptions = serverOptions;
        Endpoint = endpoint;
        Connection = connection;
    }

    /// <summary>The embedded cluster.</summary>
    public EmbeddedCluster Cluster { get; }

    /// <summary>The options the MCP server runs with.</summary>
    public KubeMcpServerOptions ServerOptions { get; }

    /// <summary>The MCP server's Streamable HTTP endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The connection to the MCP server.</summary>
    public McpConnection Connection { get; }

    /// <summary>Starts the cluster, runs <see cref="EmbeddedMcpStackOptions.Prepare"/>, starts the server and connects to it.</summary>
    public static async Task<EmbeddedMcpStack> StartAsync(EmbeddedMcpStackOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cluster = await EmbeddedCluster.StartAsync(options.Cluster, cancellationToken).ConfigureAwait(false);
        IAsyncDisposable? prepared = null;
        WebApplication? server = null;
        McpConnection? connection = null;
        try
        {
            if (options.Prepare is not null)
            {
                prepared = await options.Prepare(cluster, cancellationToken).ConfigureAwait(false);
            }

            var serverOptions = new KubeMcpServerOptions { KubeconfigYaml = cluster.KubeconfigYaml() };
            options.ConfigureServer?.Invoke(serverOptions);
            server = KubeMcpHost.CreateHttp(serverOptions, "127.0.0.1", 0, options.ServerLogLevel, cluster.Clock);
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
            var endpoint = new Uri(server.Urls.First() + "/mcp");
            connection = await McpConnection.ConnectAsync(new McpConnectionOptions
            {
                Url = endpoint,
                ClientName = options.ClientName,
                Timeout = options.RequestTimeout,
                Elicitation = options.Elicitation,
            }, cancellationToken).ConfigureAwait(false);
            return new EmbeddedMcpStack(cluster, server, prepared, serverOptions, endpoint, connection);
        }
        catch
        {
            await StopAsync(connection, server, prepared, cluster).ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync(Connection, _server, _prepared, Cluster);

    private static async ValueTask StopAsync(McpConnection? connection, WebApplication? server, IAsyncDisposable? prepared, EmbeddedCluster cluster)
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        if (server is not null)
        {
            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }

        if (prepared is not null)
        {
            await prepared.DisposeAsync().ConfigureAwait(false);
        }

        await cluster.DisposeAsync().ConfigureAwait(false);
    }
}
