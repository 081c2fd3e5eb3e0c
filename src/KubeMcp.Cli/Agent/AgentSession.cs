using System.Text;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Loop;
using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Sessions;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using Spectre.Console;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// One <c>ask</c>, <c>chat</c> or <c>demo</c> invocation: the MCP connection, the model back-end, the approval gate
/// and the conversation (saved after every task when it has a session id), and the transcript file.
/// </summary>
internal sealed class AgentSession : IAsyncDisposable
{
    private readonly AgentSettings _settings;
    private readonly AgentTerminal _terminal;
    private readonly AgentToolServer _mcp;
    private readonly ModelBackend _backend;
    private readonly McpToolExecutor _tools;
    private readonly IApprovalGate _gate;
    private readonly ServerApprovalBridge _approval;
    private readonly ConversationStore? _store;
    private readonly List<AgentTranscript> _transcripts = [];
    private AgentTelemetryExport? _telemetry;

    private AgentSession(
        AgentSettings settings, AgentTerminal terminal, AgentToolServer mcp, ModelBackend backend, McpToolExecutor tools,
        ConversationStore? store, AgentConversation conversation, IApprovalGate gate, ServerApprovalBridge approval)
    {
        _gate = gate;
        _approval = approval;
        _settings = settings;
        _terminal = terminal;
        _mcp = mcp;
        _backend = backend;
        _tools = tools;
        _store = store;
        Conversation = conversation;
    }

    /// <summary>The conversation so far (earlier tasks of a resumed session included).</summary>
    public AgentConversation Conversation { get; }

    /// <summary>The tasks run so far in this invocation.</summary>
    public IReadOnlyList<AgentTranscript> Transcripts => _transcripts;

    /// <summary>Connects to the MCP server (or starts the embedded one), picks the model and loads the session.</summary>
    /// <exception cref="ArgumentException">A bad session id.</exception>
    /// <exception cref="InvalidDataException">The saved session cannot be read.</exception>
    /// <exception cref="ModelBackendException">The model server cannot be used.</exception>
    public static async Task<AgentSession> StartAsync(AgentSettings settings, AgentTerminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(terminal);

        // The cheap local checks first, so a typo does not cost a cluster start.
        ConversationStore? store = null;
        var conversation = new AgentConversation();
        if (settings.SessionId is { } id)
        {
            store = new ConversationStore(settings.SessionDirectory);
            conversation = await store.LoadOrCreateAsync(id, cancellationToken).ConfigureAwait(false);
        }

        // Started before the connection so that the embedded server's own spans are exported too.
        var telemetry = AgentTelemetryExport.Start(settings.OtlpEndpoint);
        ModelBackend backend;
        try
        {
            backend = await new ModelBackendFactory().CreateAsync(settings.Model, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            telemetry?.Dispose();
            throw;
        }

        // One gate for both kinds of approval: the loop's own, and the server's policy asking via MCP elicitation.
        IApprovalGate gate = settings.AutoApprove ? AutoApproveGate.Instance
            : terminal.Interactive ? new ConsoleApprovalGate(terminal.Input, terminal.Prompts)
            : NonInteractiveApprovalGate.Instance;
        var approval = new ServerApprovalBridge(gate);
        AgentToolServer? mcp = null;
        try
        {
            mcp = settings.McpUrl is { } url ? await AgentToolServer.ConnectHttpAsync(url, approval.HandleElicitationAsync, cancellationToken).ConfigureAwait(false)
                : settings.StdioCommand is { } stdio ? await AgentToolServer.ConnectStdioAsync(stdio, approval.HandleElicitationAsync, cancellationToken).ConfigureAwait(false)
                : await AgentToolServer.StartEmbeddedAsync(settings.EmbeddedCluster, settings.PrepareEmbeddedCluster, approval.HandleElicitationAsync, cancellationToken).ConfigureAwait(false);
            var tools = await McpToolExecutor.CreateAsync(mcp.Connection, cancellationToken).ConfigureAwait(false);
            var session = new AgentSession(settings, terminal, mcp, backend, tools, store, conversation, gate, approval) { _telemetry = telemetry };
            session.WriteSetup();
            return session;
        }
        catch
        {
            if (mcp is not null)
            {
                await mcp.DisposeAsync().ConfigureAwait(false);
            }

            backend.Dispose();
            telemetry?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one task in the conversation, printing its progress; then saves the session and rewrites the transcript
    /// file. Cancellation ends the task as <see cref="AgentOutcome.Stopped"/>.
    /// </summary>
    public async Task<AgentTranscript> RunAsync(string task, bool writeHeader, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        var renderer = new AgentConsoleRenderer(_terminal.Console);
        if (writeHeader)
        {
            renderer.WriteHeader(task, _backend.Description);
        }

        var options = new AgentOptions { MaxSteps = _settings.MaxSteps, ContextWindowTokens = _backend.ContextWindowTokens };
        var runner = new AgentRunner(_backend.Client, _tools, options, _approval, renderer);
        var transcript = await runner.RunAsync(Conversation, WithNamespaceHint(task, _settings.Namespace), cancellationToken).ConfigureAwait(false);
        _transcripts.Add(transcript);

        // Saved even when the task was stopped: the conversation so far is what the person will want to resume.
        if (_store is not null)
        {
            await _store.SaveAsync(Conversation, CancellationToken.None).ConfigureAwait(false);
        }

        if (_settings.TranscriptPath is { } path)
        {
            await WriteTranscriptsAsync(path).ConfigureAwait(false);
        }

        return transcript;
    }

    /// <summary>
    /// Adds the namespace hint to a task that does not mention that namespace, in the <c>namespace: X</c> form both
    /// models and the offline planner read.
    /// </summary>
    internal static string WithNamespaceHint(string task, string? ns) =>
        ns is null || task.Contains(ns, StringComparison.OrdinalIgnoreCase) ? task : $"{task.TrimEnd()}\n(namespace: {ns})";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _mcp.DisposeAsync().ConfigureAwait(false);
        _backend.Dispose();
        _telemetry?.Dispose();
    }

    private void WriteSetup()
    {
        var console = _terminal.Console;
        console.MarkupLine($"[grey]Tools: {_tools.Tools.Count} from the {Markup.Escape(_mcp.Description)}[/]");
        var approvals = _gate switch
        {
            AutoApproveGate => "destructive actions pre-approved (--yes)",
            ConsoleApprovalGate => "destructive actions need your approval",
            _ => "destructive actions are refused (non-interactive, no --yes)",
        };
        console.MarkupLine($"[grey]Approvals: {approvals}[/]");
        if (Conversation.Id is { } id)
        {
            var earlier = Conversation.Messages.Count;
            console.MarkupLine($"[grey]Session: {Markup.Escape(id)} ({(earlier == 0 ? "new" : $"resumed, {earlier} earlier messages")})[/]");
        }
    }

    private async Task WriteTranscriptsAsync(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // ask and demo: the transcript object; chat: an array of every task's transcript, in order.
        var json = !_settings.TranscriptsAsArray
            ? _transcripts[^1].ToJson()
            : new StringBuilder("[\n").AppendJoin(",\n", _transcripts.Select(t => t.ToJson())).Append("\n]").ToString();
        await File.WriteAllTextAsync(path, json + "\n", CancellationToken.None).ConfigureAwait(false);
    }
}
