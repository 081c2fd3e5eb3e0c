using KubeMcp.IntegrationTests.Infrastructure;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary><c>kubemcp stats</c> against a running <c>kubemcp serve</c>: per-tool success rate and p95 from /metrics.</summary>
public sealed class StatsCommandTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static string Cli => Path.Combine(AppContext.BaseDirectory, "kubemcp.dll");

    [Fact]
    public async Task Stats_PrintsEachToolsSuccessRateAndP95()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = await ServerProcess.StartAsync("--kubeconfig", cluster.KubeconfigPath);
        await using (var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint }), cancellationToken: ct))
        {
            await client.OkAsync("namespaces_list");
            await client.OkAsync("namespaces_list");
            await client.FailAsync("pods_get", new { name = "nope", @namespace = "default" });
        }

        var result = await ProcessRunner.RunAsync("dotnet", [Cli, "stats", "--url", server.BaseAddress.ToString()], null, TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["COLUMNS"] = "200" });

        Assert.True(result.ExitCode == 0, result.Stderr);
        var row = result.Stdout.Split('\n').Single(l => l.Contains("namespaces_list", StringComparison.Ordinal));
        Assert.Contains("100.0%", row);
        Assert.Contains(" ms", row);
        Assert.Contains("0.0%", result.Stdout.Split('\n').Single(l => l.Contains("pods_get", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Stats_BadUrlIsAClearError()
    {
        var result = await ProcessRunner.RunAsync("dotnet", [Cli, "stats", "--url", "not a url"], null, TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--url must be an http:// or https:// URL", result.Stderr);
    }
}
