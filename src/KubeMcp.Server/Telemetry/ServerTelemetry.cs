using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace KubeMcp.Server.Telemetry;

/// <summary>
/// The server's metrics (Meter <c>KubeMcp.Server</c>) and traces (ActivitySource <c>KubeMcp.Server</c>): tool calls
/// by tool and outcome, their duration, policy denials and rate-limit rejections. Exported by OpenTelemetry
/// (<c>/metrics</c> for Prometheus, OTLP when configured).
/// </summary>
public sealed class ServerTelemetry : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string SourceName = "KubeMcp.Server";

    /// <summary>Name of the tool-call counter (Prometheus: <c>kubemcp_server_tool_calls_total</c>).</summary>
    public const string ToolCallsName = "kubemcp.server.tool.calls";

    /// <summary>Name of the duration histogram (Prometheus: <c>kubemcp_server_tool_duration_seconds</c>).</summary>
    public const string ToolDurationName = "kubemcp.server.tool.duration";

    private static readonly ActivitySource s_activitySource = new(SourceName);

    /// <summary>Bucket bounds in seconds: tool calls range from a millisecond (cached reads) to a minute (helm).</summary>
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter _meter;
    private readonly Counter<long> _toolCalls;
    private readonly Histogram<double> _toolDuration;
    private readonly Counter<long> _policyDenials;
    private readonly Counter<long> _approvals;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _authFailures;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (or a private one).</summary>
    public ServerTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(SourceName) ?? new Meter(SourceName);
        _toolCalls = _meter.CreateCounter<long>(ToolCallsName, "{call}", "Tool calls by tool and outcome (ok, error, denied).");
        _toolDuration = _meter.CreateHistogram(ToolDurationName, "s", "Tool call duration, policy and approval included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _policyDenials = _meter.CreateCounter<long>("kubemcp.server.policy.denials", "{call}", "Calls refused by policy, by tool and rule.");
        _approvals = _meter.CreateCounter<long>("kubemcp.server.policy.approvals", "{call}", "Approval requests by tool and answer.");
        _rateLimited = _meter.CreateCounter<long>("kubemcp.server.rate_limit.rejections", "{request}", "HTTP requests rejected with 429, by limit.");
        _authFailures = _meter.CreateCounter<long>("kubemcp.server.auth.failures", "{request}", "HTTP requests rejected with 401.");
    }

    /// <summary>The activity source (one per process).</summary>
    public static ActivitySource ActivitySource => s_activitySource;

    internal static Activity? StartToolCall(string tool, string? session)
    {
        var activity = s_activitySource.StartActivity("tools/call " + tool, ActivityKind.Internal);
        activity?.SetTag("gen_ai.tool.name", tool);
        activity?.SetTag("mcp.session.id", session);
        return activity;
    }

    internal void RecordToolCall(string tool, string outcome, TimeSpan duration)
    {
        var toolTag = new KeyValuePair<string, object?>("tool", tool);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _toolCalls.Add(1, toolTag, outcomeTag);
        _toolDuration.Record(duration.TotalSeconds, toolTag, outcomeTag);
    }

    internal void RecordDenial(string tool, string rule) =>
        _policyDenials.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("rule", rule));

    internal void RecordApproval(string tool, bool approved) =>
        _approvals.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("answer", approved ? "approved" : "refused"));

    internal void RecordRateLimited(string limit) => _rateLimited.Add(1, new KeyValuePair<string, object?>("limit", limit));

    internal void RecordAuthFailure() => _authFailures.Add(1);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
