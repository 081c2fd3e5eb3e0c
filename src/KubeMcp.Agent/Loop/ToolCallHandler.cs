using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Telemetry;
using KubeMcp.Agent.ToolCalling;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using Polly;

namespace KubeMcp.Agent.Loop;

/// <summary>
/// Runs one tool call on behalf of the loop: name check, schema validation, repeat detection, approval, execution
/// with timeout and retries, truncation. Every path ends in a result the model can read.
/// </summary>
internal sealed class ToolCallHandler
{
    private readonly IToolExecutor _tools;
    private readonly Dictionary<string, ToolDescriptor> _byName;
    private readonly AgentOptions _options;
    private readonly IApprovalGate _approval;
    private readonly Action<AgentEvent> _emit;
    private readonly TimeProvider _time;
    private readonly AgentTelemetry _telemetry;
    private readonly ResiliencePipeline _retrying;
    private readonly ResiliencePipeline _single;
    private readonly RepeatedCallDetector _repeats = new();
    private int _attempts;

    public ToolCallHandler(
        IToolExecutor tools, AgentOptions options, IApprovalGate approval, Action<AgentEvent> emit,
        TimeProvider time, AgentTelemetry telemetry, Func<int> currentStep)
    {
        _tools = tools;
        _byName = tools.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _options = options;
        _approval = approval;
        _emit = emit;
        _time = time;
        _telemetry = telemetry;
        void OnRetry(string tool, AgentResilience.RetryScheduledInfo info) =>
            emit(new RetryScheduled(currentStep(), tool, info.FailedAttempt, info.Delay, info.Exception is null ? "failed" : TransientFailure.Describe(info.Exception)));
        _retrying = AgentResilience.Create(options, options.ToolTimeout, retry: true, time, OnRetry);
        _single = AgentResilience.Create(options, options.ToolTimeout, retry: false, time, OnRetry);
    }

    /// <summary>The outcome of one call, for the loop and the transcript.</summary>
    internal sealed record Outcome(ToolCallRecord Record, bool StopRun, string? StopReason);

    public async Task<Outcome> HandleAsync(int step, string callId, string name, JsonObject arguments, CancellationToken cancellationToken)
    {
        using var activity = AgentTelemetry.StartToolCall(step, name, callId);
        var started = _time.GetTimestamp();
        _emit(new ToolCallStarted(step, callId, name, arguments) { Timestamp = _time.GetUtcNow() });

        string? approval = null;
        var stop = false;
        string? stopReason = null;
        _attempts = 0;
        (string Text, bool IsError, ToolCallOutcome Outcome) result;
        var sent = arguments;

        if (!_byName.TryGetValue(name, out var tool))
        {
            result = (UnknownTool(name), true, ToolCallOutcome.UnknownTool);
        }
        else
        {
            var validation = ToolArgumentValidator.Validate(tool, arguments);
            if (!validation.IsValid)
            {
                result = (validation.FormatForModel(name), true, ToolCallOutcome.Invalid);
            }
            else
            {
                sent = validation.Arguments;
                var count = _repeats.Register(name, sent);
                if (count >= 3)
                {
                    stop = true;
                    stopReason = $"The model asked for {ToolCallFormatter.Format(name, sent)} a third time with identical arguments; the run was stopped to avoid a loop.";
                    result = ("Not run: this exact call was already made twice and nothing has changed since. The run is stopping.", true, ToolCallOutcome.Repeated);
                }
                else
                {
                    ApprovalDecision? decision = null;
                    if (tool.IsDestructive)
                    {
                        _emit(new ApprovalRequested(step, name, sent) { Timestamp = _time.GetUtcNow() });
                        decision = await _approval.RequestApprovalAsync(new ApprovalRequest(tool, sent, step), cancellationToken).ConfigureAwait(false);
                        approval = (decision.Approved ? "approved: " : "refused: ") + decision.Reason;
                        _emit(new ApprovalAnswered(step, name, decision.Approved, decision.Reason) { Timestamp = _time.GetUtcNow() });
                    }

                    if (decision is { Approved: false })
                    {
                        result = ($"Not run: the person did not approve {ToolCallFormatter.Format(name, sent)} ({decision.Reason}). "
                            + "Do not try this action again. In your final answer, say what you wanted to do and why.", true, ToolCallOutcome.Refused);
                    }
                    else
                    {
                        result = await ExecuteAsync(tool, sent, cancellationToken).ConfigureAwait(false);
                        if (count == 2 && !result.IsError)
                        {
                            result.Text += "\n[Note: you made this exact call before and got this same kind of answer. Do not repeat it again.]";
                        }

                        if (!result.IsError && !tool.IsReadOnly)
                        {
                            _repeats.Reset();
                        }
                    }
                }
            }
        }

        var (text, truncated) = ToolOutputTruncator.Truncate(result.Text, _options.MaxToolOutputChars, tool);
        var duration = _time.GetElapsedTime(started);
        var outcomeName = result.Outcome.ToString();
        _telemetry.RecordToolCall(name, outcomeName, duration);
        activity?.SetTag("kubemcp.agent.tool.outcome", outcomeName);
        if (result.IsError)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, outcomeName);
        }

        _emit(new ToolCallCompleted(step, callId, name, sent, ResultSummary.Summarize(result.Text, result.IsError), duration, result.IsError, result.Outcome)
        {
            Timestamp = _time.GetUtcNow(),
        });
        var record = new ToolCallRecord(step, callId, name, sent, text, result.IsError, result.Outcome,
            duration.TotalMilliseconds, _attempts, truncated, approval);
        return new Outcome(record, stop, stopReason);
    }

    private async Task<(string Text, bool IsError, ToolCallOutcome Outcome)> ExecuteAsync(
        ToolDescriptor tool, JsonObject arguments, CancellationToken cancellationToken)
    {
        // A call that changes state is retried only when repeating it is harmless: a timed-out delete may have
        // happened, a timed-out "create" may not be safe to send twice.
        var pipeline = tool.IsIdempotent ? _retrying : _single;
        var context = ResilienceContextPool.Shared.Get(tool.Name, cancellationToken);
        try
        {
            var result = await pipeline.ExecuteAsync(
                async (ctx, state) =>
                {
                    state._attempts++;
                    return await state._tools.CallAsync(tool.Name, (JsonObject)arguments.DeepClone(), ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                this).ConfigureAwait(false);
            return (result.Text, result.IsError, result.IsError ? ToolCallOutcome.Failed : ToolCallOutcome.Succeeded);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return ($"The call to {tool.Name} timed out after {_options.ToolTimeout.TotalSeconds:0.#} s{Attempts()}. "
                + "Try a narrower request, or report that the server is slow.", true, ToolCallOutcome.TimedOut);
        }
        catch (Exception ex) when (TransientFailure.IsTransient(ex, cancellationToken))
        {
            return ($"The call to {tool.Name} could not reach the server{Attempts()}: {TransientFailure.Describe(ex)}. "
                + "The server may be unavailable; do not assume the call took effect.", true, ToolCallOutcome.TransportError);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A permanent failure is the model's business: it may pick another tool or report the problem.
            return ($"The call to {tool.Name} failed: {TransientFailure.Describe(ex)}", true, ToolCallOutcome.Failed);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private string Attempts() => _attempts > 1 ? $" ({_attempts} attempts)" : "";

    private string UnknownTool(string name)
    {
        var close = NameSuggester.Closest(name, _byName.Keys);
        var suggestion = close.Count > 0 ? $" Did you mean {string.Join(" or ", close)}?" : "";
        return $"There is no tool named '{name}'.{suggestion} Available tools: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}.";
    }
}
