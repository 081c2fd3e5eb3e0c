using System.Net;
using System.Text;
using KubeMcp.Agent.Tools;
using KubeMcp.Cli.Stats;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Hosting;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>/metrics for Prometheus and <c>kubemcp stats</c>; rate limits answering 429 with Retry-After.</summary>
public sealed class MetricsAndRateLimitTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Initialize = """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
        """;

    private static HttpRequestMessage Post(Uri endpoint, string body, string? session = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }
        return request;
    }

    [Fact]
    public async Task Metrics_CountToolCallsByOutcomeAndFeedTheStatsTable()
    {
        await using var server = await HardenedServer.StartAsync(cluster);
        await using var client = await server.ConnectAsync();
        await client.OkAsync("namespaces_list");
        await client.OkAsync("namespaces_list");
        await client.FailAsync("pods_get", new { name = "no-such-pod-metrics", @namespace = "default" });
        await client.FailAsync("pods_delete", new { name = "x", @namespace = "default" });
        using var http = new HttpClient();

        var page = await http.GetStringAsync(new Uri(server.BaseAddress, "/metrics"), Ct);
        var stats = ToolStatistics.From(PrometheusText.Parse(page));

        Assert.Contains("kubemcp_server_tool_duration_seconds_bucket", page);
        Assert.Contains("kubemcp_server_policy_denials_total", page);
        var namespaces = Assert.Single(stats, s => s.Tool == "namespaces_list");
        Assert.True(namespaces.Ok >= 2);
        Assert.NotNull(namespaces.P95Seconds);
        Assert.True(Assert.Single(stats, s => s.Tool == "pods_get").Errors >= 1);
        Assert.True(Assert.Single(stats, s => s.Tool == "pods_delete").Denied >= 1);
    }

    [Fact]
    public async Task RateLimit_OverTheSessionLimitIs429WithRetryAfterAndAJsonRpcError()
    {
        await using var server = await HardenedServer.StartAsync(cluster, o => o.RateLimits = new RateLimitOptions { PerSessionPerMinute = 3, GlobalPerMinute = 0 });
        using var http = new HttpClient();
        HttpResponseMessage? limited = null;

        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await http.SendAsync(Post(server.Endpoint, Initialize), Ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Contains("\"code\":-32000", await limited.Content.ReadAsStringAsync(Ct));
        // The health probe and the metrics are not rate limited.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(server.BaseAddress, "/metrics"), Ct)).StatusCode);
        Assert.Contains("kubemcp_server_rate_limit_rejections_total", await http.GetStringAsync(new Uri(server.BaseAddress, "/metrics"), Ct));
    }

    [Fact]
    public async Task RateLimit_OfficialClientWithRetryAfterHandlerSeesABusyServer()
    {
        // The global bucket holds 4 requests: initialize and its notification, then two calls fit, the third does not.
        await using var server = await HardenedServer.StartAsync(cluster, o => o.RateLimits = new RateLimitOptions { PerSessionPerMinute = 0, GlobalPerMinute = 4 });
        using var http = new HttpClient(new RetryAfterHandler());
        await using var client = await server.ConnectAsync(http: http);

        Exception? busy = null;
        for (var i = 0; i < 6 && busy is null; i++)
        {
            try
            {
                await client.CallToolAsync("namespaces_list", cancellationToken: Ct);
            }
            catch (Exception e)
            {
                busy = e;
            }
        }

        // What the agent loop keys its backoff on: the server's wait, through the SDK's exception wrapping.
        Assert.NotNull(busy);
        Assert.True(KubeMcp.Agent.Loop.TransientFailure.IsUnprocessed(busy), busy.ToString());
        Assert.True(KubeMcp.Agent.Loop.TransientFailure.RetryAfter(busy) >= TimeSpan.FromSeconds(1));
    }
}
