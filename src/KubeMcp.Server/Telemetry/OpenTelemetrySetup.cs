using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KubeMcp.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: its own meter and activity source, the agent's (when hosted together), ASP.NET
/// Core and HttpClient (the calls to the cluster); Prometheus scraping and optional OTLP export.
/// </summary>
internal static class OpenTelemetrySetup
{
    private const string AgentSource = "KubeMcp.Agent";

    public static void Add(IServiceCollection services, KubeMcpServerOptions options, bool http)
    {
        // Over stdio there is no /metrics to scrape: without OTLP nobody could read what would be collected, and
        // setting OpenTelemetry up is a noticeable part of the start-up time.
        if (options.OtlpEndpoint is null && (!options.PrometheusMetrics || !http))
        {
            return;
        }
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(KubeMcpServerBuilderExtensions.ServerName, serviceVersion: KubeMcpServerBuilderExtensions.Version));
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(ServerTelemetry.SourceName, AgentSource).AddHttpClientInstrumentation();
            if (http)
            {
                metrics.AddAspNetCoreInstrumentation();
                if (options.PrometheusMetrics)
                {
                    metrics.AddPrometheusExporter();
                }
            }
            if (options.OtlpEndpoint is { } endpoint)
            {
                metrics.AddOtlpExporter(o => OtlpSignalEndpoint.Configure(o, endpoint, "metrics"));
            }
        });
        if (options.OtlpEndpoint is { } traceEndpoint)
        {
            otel.WithTracing(tracing =>
            {
                tracing.AddSource(ServerTelemetry.SourceName, AgentSource).AddHttpClientInstrumentation();
                if (http)
                {
                    tracing.AddAspNetCoreInstrumentation();
                }
                tracing.AddOtlpExporter(o => OtlpSignalEndpoint.Configure(o, traceEndpoint, "traces"));
            });
        }
    }
}
