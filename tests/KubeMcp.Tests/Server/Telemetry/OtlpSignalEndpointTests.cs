using KubeMcp.Server.Telemetry;
using OpenTelemetry.Exporter;

namespace KubeMcp.Tests.Server.Telemetry;

public sealed class OtlpSignalEndpointTests
{
    [Fact]
    public void Grpc_UsesTheCollectorUrlAsIs()
    {
        var options = new OtlpExporterOptions { Protocol = OtlpExportProtocol.Grpc };

        OtlpSignalEndpoint.Configure(options, new Uri("http://collector:4317"), "traces");

        Assert.Equal(new Uri("http://collector:4317"), options.Endpoint);
    }

    [Theory]
    [InlineData("http://collector:4318", "traces", "http://collector:4318/v1/traces")]
    [InlineData("http://collector:4318/", "metrics", "http://collector:4318/v1/metrics")]
    [InlineData("https://gateway/otel", "traces", "https://gateway/otel/v1/traces")]
    public void HttpProtobuf_AddsTheSignalsPath(string collector, string signal, string expected)
    {
        var options = new OtlpExporterOptions { Protocol = OtlpExportProtocol.HttpProtobuf };

        OtlpSignalEndpoint.Configure(options, new Uri(collector), signal);

        Assert.Equal(new Uri(expected), options.Endpoint);
    }
}
