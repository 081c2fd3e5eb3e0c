using System.Text.Json.Nodes;
using KubeMcp.Agent.Approval;
using KubeMcp.Agent.Events;
using KubeMcp.Agent.Prompting;
using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Sessions;
using KubeMcp.Agent.Telemetry;
using KubeMcp.Agent.ToolCalling;
using KubeMcp.Agent.Tools;
using KubeMcp.Agent.Transcripts;
using Microsoft.Extensions.AI;
using Polly;

namespace KubeMcp.Agent.Loop;

/// <summary>The state of one <see cref="AgentRunner"/> run: steps, totals, records.</summary>
internal sealed class AgentRun
{
    private readonly IChatClient _chat;
    private readonly IToolExecutor _tools;
    private readonly AgentOptions _options;
    private readonly IAgentObserver? _observer;
    private readonly TimeProvider _time;
    private readonly AgentTelemetry _telemetry;
    private readonly string _systemPrompt;
    private readonly ToolCallHandler _handler;
    private readonly ResiliencePipeline _modelPipeline;
    private readonly List<AITool> _declarations;
    private readonly HashSet<string> _toolNames;
    private readonly List<ModelCallRecord> _modelCalls = [];
    private readonly List<ToolCallRecord> _toolCalls = [];
    private int _step;
    private long _inputTokens;
    private long _outputTokens;
    private bool _estimated;
    private string? _modelId;

    public AgentRun(
        IChatClient chat, IToolExecutor tools, AgentOptions options, IApprovalGate approval, IAgentObserver? observer,
        TimeProvider time, AgentTelemetry telemetry, string systemPrompt)
    {
        _chat = chat;
        _tools = tools;
        _options = options;
        _observer = observer;
        _time = time;
        _telemetry = telemetry;
        _systemPrompt = systemPrompt;
        _handler = new ToolCallHandler(tools, options, approval, Emit, time, telemetry, () => _step);
        _modelPipeline = AgentResilience.Create(options, options.ModelTimeout, retry: true, time,
            (operation, info) => Emit(new RetryScheduled(_step, operation, info.FailedAttempt, info.Delay,
                info.Exception is null ? "failed" : TransientFailure.Describe(info.Exception))));
        _declarations = [.. tools.Tools.Select(t => ToolDeclarationBuilder.Build(t, options.CompactToolSchemas))];
        _toolNames = tools.Tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<AgentTranscript> RunAsync(AgentConversation conversation, string task, CancellationToken cancellationToken)
    {
        using var activity = AgentTelemetry.StartTask(task);
        var startedAt = _time.GetUtcNow();
        var started = _time.GetTimestamp();
        var messages = conversation.Messages;
        var taskIndex = messages.Count;
        messages.Add(new ChatMessage(ChatRole.User, task));

        AgentOutcome? outcome = null;
        string? answer = null;
        string? reason = null;
        try
        {
            while (outcome is null)
            {
                if (_step >= _options.MaxSteps)
                {
                    outcome = AgentOutcome.StepLimit;
                    reason = $"The step limit ({_options.MaxSteps}) was reached before the model gave a final answer.";
                    break;
                }

                if (_options.TokenBudget > 0 && _inputTokens + _outputTokens >= _options.TokenBudget)
                {
                    outcome = AgentOutcome.Stopped;
                    reason = $"The token budget ({_options.TokenBudget:N0}) was spent before the model gave a final answer.";
                    break;
                }

                _step++;
                _telemetry.RecordStep();
                Emit(new StepStarted(_step, _options.MaxSteps));
                (outcome, answer, reason) = await StepAsync(messages, taskIndex, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = AgentOutcome.Stopped;
            reason = "The run was cancelled.";
        }

        activity?.SetTag("kubemcp.agent.outcome", outcome.ToString());
        activity?.SetTag("kubemcp.agent.steps", _step);
        Emit(new AgentFinished(_step, outcome.Value, answer, reason));
        return new AgentTranscript
        {
            Task = task,
            ModelId = _modelId,
            Outcome = outcome.Value,
            Reason = reason,
            FinalAnswer = answer,
            StartedAt = startedAt,
            DurationMs = _time.GetElapsedTime(started).TotalMilliseconds,
            Steps = _step,
            InputTokens = _inputTokens,
            OutputTokens = _outputTokens,
            TokensEstimated = _estimated,
            ModelCalls = _modelCalls,
            ToolCalls = _toolCalls,
            Messages = [new TranscriptMessage("system", _systemPrompt), .. messages.Skip(taskIndex).SelectMany(ToTranscript)],
        };
    }

    /// <summary>One model call and the calls it asks for. Returns an outcome when the run ends here.</summary>
    private async Task<(AgentOutcome? Outcome, string? Answer, string? Reason)> StepAsync(
        List<ChatMessage> messages, int taskIndex, CancellationToken cancellationToken)
    {
        var response = await CallModelAsync(messages, taskIndex, cancellationToken).ConfigureAwait(false);
        if (response.Failure is not null)
        {
            return (AgentOutcome.GaveUp, null, response.Failure);
        }

        var reply = response.Response!;
        var calls = reply.Messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>())
            .Select(c => (c.CallId, c.Name, Arguments: FunctionCallArguments.ToJsonObject(c.Arguments))).ToList();
        var errors = reply.Messages
            .Select(m => m.AdditionalProperties?.TryGetValue(ChatResponseProperties.ToolCallErrors, out var e) == true ? e as string[] : null)
            .OfType<string[]>().SelectMany(e => e).ToList();
        var text = string.Concat(reply.Messages.SelectMany(m => m.Contents.OfType<TextContent>()).Select(t => t.Text)).Trim();

        if (calls.Count > 0)
        {
            messages.AddRange(reply.Messages);
        }
        else
        {
            var parsed = ToolCallParser.Parse(text, _toolNames);
            errors.AddRange(parsed.Errors.Except(errors));
            text = parsed.Content;
            var contents = new List<AIContent>();
            if (text.Length > 0)
            {
                contents.Add(new TextContent(text));
            }

            foreach (var call in parsed.Calls)
            {
                var id = CallIds.New();
                calls.Add((id, call.Name, call.Arguments));
                contents.Add(new FunctionCallContent(id, call.Name, FunctionCallArguments.ToDictionary(call.Arguments)));
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, contents.Count > 0 ? contents : [new TextContent(reply.Text)]));
        }

        RecordModelCall(response, text, calls.Count);
        if (calls.Count == 0 && errors.Count == 0)
        {
            var gaveUp = reply.AdditionalProperties?.TryGetValue(ChatResponseProperties.GaveUp, out var g) == true && g is true
                || text.TrimStart().StartsWith(SystemPromptBuilder.GiveUpMarker, StringComparison.OrdinalIgnoreCase);
            return gaveUp
                ? (AgentOutcome.GaveUp, text, "The model said it cannot complete the task.")
                : (AgentOutcome.Completed, text, null);
        }

        string? stopReason = null;
        foreach (var (callId, name, arguments) in calls)
        {
            string resultText;
            var isError = true;
            if (stopReason is not null)
            {
                resultText = "Not run: the run was stopped.";
            }
            else
            {
                var outcome = await _handler.HandleAsync(_step, callId, name, arguments, cancellationToken).ConfigureAwait(false);
                _toolCalls.Add(outcome.Record);
                resultText = outcome.Record.Result;
                isError = outcome.Record.IsError;
                if (outcome.StopRun)
                {
                    stopReason = outcome.StopReason;
                }
            }

            var result = new FunctionResultContent(callId, resultText);
            if (isError)
            {
                result.AdditionalProperties = new() { [ChatResponseProperties.ToolResultIsError] = true };
            }

            messages.Add(new ChatMessage(ChatRole.Tool, [result]));
        }

        if (errors.Count > 0)
        {
            Emit(new ToolCallParseFailed(_step, errors));
            var feedback = new ToolCallParseResult([], "", null, errors).FeedbackForModel()!;
            messages.Add(new ChatMessage(ChatRole.User, feedback) { AdditionalProperties = new() { [AgentRunner.NoteProperty] = true } });
        }

        return stopReason is null ? (null, null, null) : (AgentOutcome.Stopped, null, stopReason);
    }

    private sealed record ModelResult(ChatResponse? Response, string? Failure, TimeSpan Latency, long Input, long Output, bool Estimated);

    private async Task<ModelResult> CallModelAsync(List<ChatMessage> messages, int taskIndex, CancellationToken cancellationToken)
    {
        var prompt = new List<ChatMessage>(messages.Count + 1) { new(ChatRole.System, _systemPrompt) };
        prompt.AddRange(messages);
        var window = (int)((_options.ContextWindowTokens - _options.MaxOutputTokens) * _options.CompactionThreshold);
        var compacted = ContextCompactor.Compact(prompt, taskIndex + 1, Math.Max(window, 1), _declarations);
        if (compacted.Changed)
        {
            Emit(new ContextCompacted(_step, compacted.TokensBefore, compacted.TokensAfter, compacted.ResultsElided, compacted.MessagesDropped));
        }

        Emit(new ModelCallStarted(_step, compacted.TokensAfter));
        var chatOptions = new ChatOptions
        {
            Tools = _declarations,
            MaxOutputTokens = _options.MaxOutputTokens,
            Temperature = _options.Temperature,
            ModelId = _options.ModelId,
        };

        using var activity = AgentTelemetry.StartModelCall(_step, _options.ModelId ?? _modelId);
        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get("model", cancellationToken);
        ChatResponse response;
        try
        {
            response = await _modelPipeline.ExecuteAsync(
                static async (ctx, state) => await state.Chat.GetResponseAsync(state.Messages, state.Options, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Chat: _chat, compacted.Messages, Options: chatOptions)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var latency = _time.GetElapsedTime(started);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            var kind = TransientFailure.IsTransient(ex, cancellationToken) ? $"kept failing ({_options.MaxRetries} retries)" : "failed";
            var failure = $"The model back-end {kind}: {TransientFailure.Describe(ex)}";
            Emit(new ModelCallCompleted(_step, latency, 0, 0, false, 0, null));
            return new ModelResult(null, failure, latency, 0, 0, false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var elapsed = _time.GetElapsedTime(started);
        var estimated = response.Usage?.InputTokenCount is null
            || response.AdditionalProperties?.TryGetValue(ChatResponseProperties.UsageEstimated, out var e) == true && e is true;
        var input = response.Usage?.InputTokenCount ?? compacted.TokensAfter;
        var output = response.Usage?.OutputTokenCount ?? TokenEstimator.Estimate(response.Text);
        _modelId ??= response.ModelId;
        activity?.SetTag("gen_ai.response.model", response.ModelId);
        activity?.SetTag("gen_ai.usage.input_tokens", input);
        activity?.SetTag("gen_ai.usage.output_tokens", output);
        _telemetry.RecordModelCall(elapsed, input, output);
        return new ModelResult(response, null, elapsed, input, output, estimated);
    }

    private void RecordModelCall(ModelResult result, string text, int toolCalls)
    {
        _inputTokens += result.Input;
        _outputTokens += result.Output;
        _estimated |= result.Estimated;
        _modelCalls.Add(new ModelCallRecord(_step, result.Latency.TotalMilliseconds, result.Input, result.Output, result.Estimated, text, toolCalls));
        Emit(new ModelCallCompleted(_step, result.Latency, result.Input, result.Output, result.Estimated, toolCalls, result.Response?.ModelId));
    }

    private void Emit(AgentEvent agentEvent) =>
        _observer?.OnEvent(agentEvent.Timestamp == default ? agentEvent with { Timestamp = _time.GetUtcNow() } : agentEvent);

    private static IEnumerable<TranscriptMessage> ToTranscript(ChatMessage message)
    {
        var results = message.Contents.OfType<FunctionResultContent>().ToList();
        if (results.Count > 0)
        {
            foreach (var result in results)
            {
                yield return new TranscriptMessage("tool", FunctionCallArguments.ResultText(result.Result), ToolCallId: result.CallId);
            }

            yield break;
        }

        var calls = message.Contents.OfType<FunctionCallContent>()
            .Select(c => new TranscriptToolCall(c.CallId, c.Name, FunctionCallArguments.ToJsonObject(c.Arguments))).ToList();
        var text = string.Concat(message.Contents.OfType<TextContent>().Select(t => t.Text));
        yield return new TranscriptMessage(message.Role.Value, text, calls.Count > 0 ? calls : null);
    }
}
