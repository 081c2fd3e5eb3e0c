using KubeMcp.Cluster;
using KubeMcp.Server;
using ModelContextProtocol.Client;

namespace KubeMcp.Cli.Hosting;

/// <summary>How to start an <see cref="EmbeddedMcpStack"/>.</summary>
internal sealed class EmbeddedMcpStackOptions
{
    /// <summary>How to start the embedded cluster (port 0 and a virtual clock for isolated runs).</summary>
    public EmbeddedClusterOptions Cluster { get; init; } = new();

    /// <summary>
    /// Runs after the cluster started and before the server starts: puts objects into the cluster (the demo's
    /// scenario, an evaluation task's setup). A returned handle is disposed before the cluster.
    /// </summary>
    public Func<EmbeddedCluster, CancellationToken, Task<IAsyncDisposable?>>? Prepare { get; init; }

    /// <summary>Adjusts the MCP server's options; the kubeconfig of the cluster is already set.</summary>
    public Action<KubeMcpServerOptions>? ConfigureServer { get; init; }

    /// <summary>Adjusts the MCP client's options (e.g. an elicitation handler for server-side approvals).</summary>
    public Action<McpClientOptions>? ConfigureClient { get; init; }

    /// <summary>Minimum level of the MCP server's log (to stderr).</summary>
    public Microsoft.Extensions.Logging.LogLevel ServerLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>The client name the server sees.</summary>
    public string ClientName { get; init; } = "kubemcp-agent";
}
