using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Sessions;
using KubeMcp.Cluster;

namespace KubeMcp.Cli.Agent;

/// <summary>What an <see cref="AgentSession"/> connects to and how it runs, read from the command line and environment.</summary>
internal sealed class AgentSettings
{
    /// <summary>An MCP server's URL; with neither this nor <see cref="StdioCommand"/>, the embedded cluster is started.</summary>
    public Uri? McpUrl { get; set; }

    /// <summary>A command line that starts an MCP server speaking stdio.</summary>
    public string? StdioCommand { get; set; }

    /// <summary>The model back-end (environment first, then options).</summary>
    public ModelBackendOptions Model { get; set; } = new();

    /// <summary>Pre-approve destructive tool calls (<c>--yes</c>).</summary>
    public bool AutoApprove { get; set; }

    /// <summary>Where to write the transcript JSON, if anywhere.</summary>
    public string? TranscriptPath { get; set; }

    /// <summary>Write every task's transcript as a JSON array (chat) instead of the last one as an object.</summary>
    public bool TranscriptsAsArray { get; set; }

    /// <summary>The saved conversation to resume and extend.</summary>
    public string? SessionId { get; set; }

    /// <summary>Where sessions are saved.</summary>
    public string SessionDirectory { get; set; } = ConversationStore.DefaultDirectory;

    /// <summary>OTLP endpoint for the run's traces and metrics; null exports nothing.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Most model calls per task.</summary>
    public int MaxSteps { get; set; } = 15;

    /// <summary>The namespace to work in when a task names none.</summary>
    public string? Namespace { get; set; }

    /// <summary>How to start the embedded cluster when no server is given.</summary>
    public EmbeddedClusterOptions EmbeddedCluster { get; set; } = new();

    /// <summary>Puts objects into the embedded cluster before the server starts (the demo's scenario).</summary>
    public Func<EmbeddedCluster, CancellationToken, Task<IAsyncDisposable?>>? PrepareEmbeddedCluster { get; set; }
}
