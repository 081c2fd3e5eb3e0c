using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KubeMcp.Agent.Telemetry;

/// <summary>
/// The agent's metrics (Meter <c>KubeMcp.Agent</c>) and traces (ActivitySource <c>KubeMcp.Agent</c>): one activity
/// per task with children per model call and tool call, named after the OpenTelemetry GenAI conventions.
/// </summary>
public sealed class AgentTelemetry : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string SourceName = "KubeMcp.Agent";

    private static readonly ActivitySource s_activitySource = new(SourceName);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _toolCalls;
    private readonly Histogram<double> _toolDuration;
    private readonly Histogram<double> _modelDuration;
    private readonly Counter<long> _tokens;

    /// <summary>Creates telemetry on a meter from <paramref name="meterFactory"/>, or a private meter when null.</summary>
    public AgentTelemetry(IMeterFactory? meterFactory = null)
        : this(meterFactory?.Create(SourceName) ?? new Meter(SourceName), ownsMeter: meterFactory is null)
    {
    }

    internal AgentTelemetry(Meter meter, bool ownsMeter)
    {
        _meter = meter;
        _ownsMeter = ownsMeter;
        _steps = meter.CreateCounter<long>("kubemcp.agent.steps", "{step}", "Agent steps (model calls) taken.");
        _toolCalls = meter.CreateCounter<long>("kubemcp.agent.tool_calls", "{call}", "Tool calls by tool and outcome.");
        _toolDuration = meter.CreateHistogram<double>("kubemcp.agent.tool.duration", "s", "Tool call duration, retries included.");
        _modelDuration = meter.CreateHistogram<double>("kubemcp.agent.model.duration", "s", "Model call latency, retries included.");
        _tokens = meter.CreateCounter<long>("kubemcp.agent.tokens", "{token}", "Model tokens by type (input, output).");
    }

    /// <summary>The process-wide instance runners use when given none (one meter, not one per runner).</summary>
    public static AgentTelemetry Shared { get; } = new();

    /// <summary>The activity source (shared by all instances).</summary>
    public static ActivitySource ActivitySource => s_activitySource;

    internal static Activity? StartTask(string task)
    {
        var activity = s_activitySource.StartActivity("invoke_agent kubemcp");
        activity?.SetTag("gen_ai.operation.name", "invoke_agent");
        activity?.SetTag("kubemcp.agent.task_length", task.Length);
        return activity;
    }

    internal static Activity? StartModelCall(int step, string? model)
    {
        var activity = s_activitySource.StartActivity(model is null ? "chat" : "chat " + model, ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", "chat");
        activity?.SetTag("gen_ai.request.model", model);
        activity?.SetTag("kubemcp.agent.step", step);
        return activity;
    }

    internal static Activity? StartToolCall(int step, string tool, string callId)
    {
        var activity = s_activitySource.StartActivity("execute_tool " + tool);
        activity?.SetTag("gen_ai.operation.name", "execute_tool");
        activity?.SetTag("gen_ai.tool.name", tool);
        activity?.SetTag("gen_ai.tool.call.id", callId);
        activity?.SetTag("kubemcp.agent.step", step);
        return activity;
    }

    internal void RecordStep() => _steps.Add(1);

    internal void RecordModelCall(TimeSpan latency, long inputTokens, long outputTokens)
    {
        _modelDuration.Record(latency.TotalSeconds);
        _tokens.Add(inputTokens, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
        _tokens.Add(outputTokens, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
    }

    internal void RecordToolCall(string tool, string outcome, TimeSpan duration)
    {
        var toolTag = new KeyValuePair<string, object?>("gen_ai.tool.name", tool);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _toolCalls.Add(1, toolTag, outcomeTag);
        _toolDuration.Record(duration.TotalSeconds, toolTag, outcomeTag);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
