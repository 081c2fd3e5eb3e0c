using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Prompting;
using KubeMcp.Agent.Sessions;
using KubeMcp.Agent.Telemetry;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using Microsoft.Extensions.AI;

namespace KubeMcp.Agent.Loop;

/// <summary>
/// Runs a task to the end: asks the model for its next move, runs the tool calls it makes (native
/// <see cref="FunctionCallContent"/> or <c>&lt;tool_call&gt;</c> text), feeds the results back, and repeats until the
/// model answers or a limit is hit.
/// </summary>
/// <remarks>
/// Calls are checked before they run: unknown tools (with the closest names suggested) and arguments that do not
/// match the schema come back to the model as errors it can correct. Destructive tools need an
/// <see cref="IApprovalGate"/> decision. A third identical call stops the run. Transient failures of the model or a
/// tool are retried with exponential backoff (only for idempotent tools); permanent ones are reported to the model.
/// Tool output is cut to a budget and older results are elided when the prompt nears the model's window.
/// </remarks>
public sealed class AgentRunner
{
    /// <summary>Marks user messages the loop wrote itself (notes to the model), as opposed to a person's task.</summary>
    public const string NoteProperty = "kubemcp.note";

    private readonly IChatClient _chat;
    private readonly IToolExecutor _tools;
    private readonly AgentOptions _options;
    private readonly IApprovalGate _approval;
    private readonly IAgentObserver? _observer;
    private readonly TimeProvider _time;
    private readonly AgentTelemetry _telemetry;

    /// <summary>Creates a runner.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="tools">The tools.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="approvalGate">Decides destructive calls; refuses them all when null (safe for non-interactive runs).</param>
    /// <param name="observer">Receives live events.</param>
    /// <param name="timeProvider">The clock for timings, timeouts and backoff (virtual in tests).</param>
    /// <param name="telemetry">Metrics sink; <see cref="AgentTelemetry.Shared"/> when null.</param>
    public AgentRunner(
        IChatClient chatClient,
        IToolExecutor tools,
        AgentOptions? options = null,
        IApprovalGate? approvalGate = null,
        IAgentObserver? observer = null,
        TimeProvider? timeProvider = null,
        AgentTelemetry? telemetry = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(tools);
        _chat = chatClient;
        _tools = tools;
        _options = options ?? new AgentOptions();
        _approval = approvalGate ?? NonInteractiveApprovalGate.Instance;
        _observer = observer;
        _time = timeProvider ?? TimeProvider.System;
        _telemetry = telemetry ?? AgentTelemetry.Shared;
    }

    /// <summary>Runs one task in a fresh conversation.</summary>
    public Task<AgentTranscript> RunAsync(string task, CancellationToken cancellationToken = default) =>
        RunAsync(new AgentConversation(), task, cancellationToken);

    /// <summary>
    /// Runs one task in <paramref name="conversation"/>, which keeps the earlier tasks' messages and receives this
    /// one's. Cancellation ends the run with <see cref="AgentOutcome.Stopped"/> rather than an exception.
    /// </summary>
    public Task<AgentTranscript> RunAsync(AgentConversation conversation, string task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentException.ThrowIfNullOrWhiteSpace(task);
        var systemPrompt = _options.SystemPrompt ?? SystemPromptBuilder.Build(_tools.Tools, _options.Prompt);
        var run = new AgentRun(_chat, _tools, _options, _approval, _observer, _time, _telemetry, systemPrompt);
        return run.RunAsync(conversation, task, cancellationToken);
    }
}
