using OpenTelemetry.Exporter;

namespace KubeMcp.Server.Telemetry;

/// <summary>
/// Points an OTLP exporter at a collector given by its base URL. Over gRPC the base URL is the endpoint; over
/// HTTP/protobuf each signal has its own path (<c>/v1/traces</c>, <c>/v1/metrics</c>), which the exporter does not add
/// to an endpoint set in code.
/// </summary>
public static class OtlpSignalEndpoint
{
    /// <summary>Sets <paramref name="options"/>' endpoint for <paramref name="signal"/> (<c>traces</c> or <c>metrics</c>).</summary>
    public static void Configure(OtlpExporterOptions options, Uri collector, string signal)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(collector);
        options.Endpoint = options.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(collector.AbsoluteUri.TrimEnd('/') + "/v1/" + signal)
            : collector;
    }
}
