using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeMcp.IntegrationTests.Agent;

/// <summary><c>kubemcp ask --otlp-endpoint</c> sends the task's trace and metrics to an OTLP receiver.</summary>
public sealed class TelemetryExportTests : IDisposable
{
    private readonly AgentHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Ask_ExportsTheTasksSpansAndMetricsOverOtlp()
    {
        var ct = TestContext.Current.CancellationToken;
        var received = new ConcurrentBag<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            received.Add((context.Request.Path.Value ?? "", body.ToArray()));
            return Results.Ok();
        });
        await receiver.StartAsync(ct);
        _harness.Environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";

        var result = await _harness.RunCliAsync("ask", "list namespaces", "--provider", "offline", "--otlp-endpoint", receiver.Urls.First());

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        // OTLP/protobuf carries span and instrument names as plain UTF-8 strings.
        string Exported(string path) => string.Concat(received.Where(r => r.Path == path).Select(r => Encoding.UTF8.GetString(r.Body)));
        var traces = Exported("/v1/traces");
        Assert.Contains("invoke_agent kubemcp", traces);
        Assert.Contains("execute_tool namespaces_list", traces);
        Assert.Contains("tools/call namespaces_list", traces);
        Assert.Contains("kubemcp.agent.tool_calls", Exported("/v1/metrics"));
    }

    [Fact]
    public async Task Ask_RejectsAnOtlpEndpointThatIsNotAUrl()
    {
        var result = await _harness.RunCliAsync("ask", "list namespaces", "--provider", "offline", "--otlp-endpoint", "collector:4317");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--otlp-endpoint='collector:4317' is not an http(s) URL", result.Stderr);
    }
}
