using KubeMcp.Cluster;
using KubeMcp.Server;
using ModelContextProtocol.Protocol;

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

    /// <summary>Answers the server's elicitation requests (its policy asks for approvals this way); null for none.</summary>
    public Func<ElicitRequestParams?, CancellationToken, ValueTask<ElicitResult>>? Elicitation { get; init; }

    /// <summary>How long each MCP request may take (default 2 min; the agent loop has its own, shorter tool timeout).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Minimum level of the MCP server's log (to stderr).</summary>
    public Microsoft.Extensions.Logging.LogLevel ServerLogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;

    /// <summary>The client name the server sees.</summary>
    public string ClientName { get; init; } = "kubemcp-agent";
}
