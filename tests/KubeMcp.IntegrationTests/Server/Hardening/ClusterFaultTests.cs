using System.Diagnostics;
using k8s;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Policy;
using static KubeMcp.IntegrationTests.Server.Hardening.FaultInjectionHandler;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>
/// Faults between the server and the cluster: reads are retried with backoff, writes never blindly, a failing API
/// server trips the circuit breaker, and every call ends with a result or a clear error within its timeout.
/// </summary>
public sealed class ClusterFaultTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private readonly TestObjects _objects = new(cluster);

    private static bool NamespacesList(HttpRequestMessage r) => r.Method == HttpMethod.Get && r.RequestUri!.AbsolutePath == "/api/v1/namespaces";

    private Task<HardenedServer> StartAsync(FaultInjectionHandler faults, Action<KubeMcp.Server.KubeMcpServerOptions>? configure = null) =>
        HardenedServer.StartAsync(cluster, o =>
        {
            o.Policy = PolicyDocument.Permissive;
            o.ClusterRetryDelay = TimeSpan.FromMilliseconds(10);
            o.ClusterTestHandlers = () => [faults];
            configure?.Invoke(o);
        });

    [Fact]
    public async Task Reads_AreRetriedThrough5xxResetsAnd429()
    {
        var faults = new FaultInjectionHandler { Applies = NamespacesList }
            .Then(Fault.Status(503)).Then(Fault.Reset).Then(Fault.Status(429));
        await using var server = await StartAsync(faults);
        await using var client = await server.ConnectAsync();

        var text = await client.OkAsync("namespaces_list");

        Assert.Contains("default", text);
        Assert.Equal(4, faults.Count(HttpMethod.Get, "/api/v1/namespaces"));
    }

    [Fact]
    public async Task Reads_GiveUpAfterTheRetriesWithAClearError()
    {
        var faults = new FaultInjectionHandler { Applies = NamespacesList, Always = Fault.Status(503) };
        await using var server = await StartAsync(faults, o => o.ClusterRetries = 2);
        await using var client = await server.ConnectAsync();

        var text = await client.FailAsync("namespaces_list");

        Assert.Contains("503", text);
        Assert.Equal(3, faults.Count(HttpMethod.Get, "/api/v1/namespaces"));
    }

    [Fact]
    public async Task Writes_AreNeverRetried()
    {
        await _objects.NamespaceAsync("faults-w");
        await _objects.PodAsync("faults-w", "web");
        var faults = new FaultInjectionHandler { Applies = r => r.Method != HttpMethod.Get }.Then(Fault.Status(503)).Then(Fault.Reset);
        await using var server = await StartAsync(faults);
        await using var client = await server.ConnectAsync();

        var unavailable = await client.FailAsync("pods_delete", new { name = "web", @namespace = "faults-w" });
        var reset = await client.FailAsync("resources_create_or_update", new { resource = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: faults-w\n" });

        Assert.Contains("503", unavailable);
        Assert.Contains("reset", reset, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, faults.Count(HttpMethod.Delete, "/pods/web"));
        Assert.Equal(1, faults.Count(HttpMethod.Patch, "/configmaps/c"));
        Assert.Contains((await _objects.Client.CoreV1.ListNamespacedPodAsync("faults-w", cancellationToken: TestContext.Current.CancellationToken)).Items, p => p.Metadata.Name == "web");
    }

    [Fact]
    public async Task Hangs_EndWithinTheTimeoutAsAClearError()
    {
        var faults = new FaultInjectionHandler { Applies = NamespacesList, Always = Fault.Hang };
        await using var server = await StartAsync(faults, o =>
        {
            o.ClusterAttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.ClusterRetries = 1;
            o.RequestTimeout = TimeSpan.FromSeconds(5);
        });
        await using var client = await server.ConnectAsync();
        var clock = Stopwatch.StartNew();

        var text = await client.FailAsync("namespaces_list");

        Assert.Contains("no answer in time", text);
        Assert.Equal(2, faults.Count(HttpMethod.Get, "/api/v1/namespaces"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task SlowAnswers_WithinTheAttemptTimeoutSucceed()
    {
        var faults = new FaultInjectionHandler { Applies = NamespacesList }.Then(Fault.Slow(TimeSpan.FromMilliseconds(200)));
        await using var server = await StartAsync(faults, o => o.ClusterAttemptTimeout = TimeSpan.FromSeconds(5));
        await using var client = await server.ConnectAsync();

        Assert.Contains("default", await client.OkAsync("namespaces_list"));
        Assert.Equal(1, faults.Count(HttpMethod.Get, "/api/v1/namespaces"));
    }

    [Fact]
    public async Task FailingApiServer_TripsTheCircuitBreakerAndCallsFailFast()
    {
        var faults = new FaultInjectionHandler { Applies = NamespacesList, Always = Fault.Status(500) };
        await using var server = await StartAsync(faults, o =>
        {
            o.ClusterRetries = 3;
            o.CircuitBreakDuration = TimeSpan.FromMinutes(1);
        });
        await using var client = await server.ConnectAsync();

        string? open = null;
        for (var i = 0; i < 6 && open is null; i++)
        {
            var text = await client.FailAsync("namespaces_list");
            open = text.Contains("circuit breaker", StringComparison.Ordinal) ? text : null;
        }
        var seen = faults.Count(HttpMethod.Get, "/api/v1/namespaces");
        var again = await client.FailAsync("namespaces_list");

        Assert.NotNull(open);
        Assert.Contains("paused", open);
        Assert.Contains("circuit breaker", again);
        Assert.Equal(seen, faults.Count(HttpMethod.Get, "/api/v1/namespaces"));
    }
}
