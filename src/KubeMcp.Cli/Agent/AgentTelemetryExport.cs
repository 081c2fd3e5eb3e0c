using KubeMcp.Agent.Telemetry;
using KubeMcp.Server.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KubeMcp.Cli.Agent;

/// <summary>
/// Exports the agent's traces and metrics over OTLP for one <c>ask</c>, <c>chat</c> or <c>demo</c> run: one trace per
/// task, with the model calls, the MCP calls and (when the server runs in this process) the server's tool calls and
/// Kubernetes API requests under it. The protocol follows <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (gRPC by default).
/// Disposing flushes what is buffered, so a short <c>ask</c> loses nothing.
/// </summary>
internal sealed class AgentTelemetryExport : IDisposable
{
    private readonly TracerProvider _traces;
    private readonly MeterProvider _metrics;

    private AgentTelemetryExport(TracerProvider traces, MeterProvider metrics)
    {
        _traces = traces;
        _metrics = metrics;
    }

    /// <summary>Starts exporting to <paramref name="endpoint"/>; null when no endpoint is configured.</summary>
    public static AgentTelemetryExport? Start(Uri? endpoint)
    {
        if (endpoint is null)
        {
            return null;
        }

        var resource = ResourceBuilder.CreateDefault().AddService("kubemcp-agent", serviceVersion: Server.KubeMcpServerBuilderExtensions.Version);
        var traces = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(AgentTelemetry.SourceName, ServerTelemetry.SourceName)
            .AddHttpClientInstrumentation()
            .AddOtlpExporter(o => OtlpSignalEndpoint.Configure(o, endpoint, "traces"))
            .Build();
        var metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(AgentTelemetry.SourceName, ServerTelemetry.SourceName)
            .AddOtlpExporter(o => OtlpSignalEndpoint.Configure(o, endpoint, "metrics"))
            .Build();
        return new AgentTelemetryExport(traces, metrics);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _traces.ForceFlush();
        _metrics.ForceFlush();
        _traces.Dispose();
        _metrics.Dispose();
    }
}
