using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Benchmarks;

/// <summary>
/// Issue 4's benchmark: a 1,000-pod Deployment scaled 0 → 1,000 → 0 on ten simulated workers, driven on a virtual
/// clock (so the numbers measure the controllers, scheduler and kubelets, not simulated pull times), then the CPU the
/// idle cluster uses: a first window that still contains the runtime's tier-up of the methods that just ran hot, and
/// a second, longer one after it, which is the cluster at rest.
/// </summary>
internal static class ScaleBenchmark
{
    public static async Task<string> RunAsync(int replicas = 1000)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Clock = clock, WorkerNodes = 10 });
        var registry = cluster.Registry;
        var deployments = registry.Catalog.Find("apps", "v1", "deployments")!;
        var pods = registry.Catalog.Find("", "v1", "pods")!;
        registry.Create(deployments, "default", Deployment(0), WriteOptions.Default);
        await cluster.SettleAsync();

        var up = Stopwatch.StartNew();
        Scale(registry, deployments, replicas);
        var upSteps = await AdvanceUntil(cluster, clock, () => Running(registry, pods) == replicas);
        up.Stop();

        var events = registry.Catalog.Find("", "v1", "events")!;
        var eventsUp = registry.Store.Count(events.StorageKey);
        var warmUp = await MeasureIdleAsync(TimeSpan.FromSeconds(10));
        var rest = await MeasureIdleAsync(TimeSpan.FromSeconds(30));

        var down = Stopwatch.StartNew();
        Scale(registry, deployments, 0);
        var downSteps = await AdvanceUntil(cluster, clock, () => registry.Store.Count(pods.StorageKey) == 0);
        down.Stop();
        var eventsDown = registry.Store.Count(events.StorageKey);

        return $"""
            | Measure (1,000-pod Deployment, 10 workers, virtual clock) | Result |
            |---|---|
            | 0 → {replicas} pods all Running: wall time | {up.Elapsed.TotalSeconds:0.00} s ({upSteps} virtual seconds) |
            | {replicas} → 0 pods all gone: wall time | {down.Elapsed.TotalSeconds:0.00} s ({downSteps} virtual seconds) |
            | Events stored after scaling up / after scaling down | {eventsUp:N0} / {eventsDown:N0} |
            | CPU in the first 10 s after scaling up (JIT tier-up) | {warmUp} |
            | CPU used at rest with {replicas} pods, the next 30 s | {rest} |
            """;
    }

    /// <summary>The process's CPU time over a real-time window, and how many methods the JIT compiled in it.</summary>
    private static async Task<string> MeasureIdleAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var wall = Stopwatch.StartNew();
        await Task.Delay(window);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore;
        return $"{cpu.TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100:0.00} % of one core " +
               $"({cpu.TotalMilliseconds:0} ms CPU in {wall.Elapsed.TotalSeconds:0.0} s; {jitted} methods compiled)";
    }

    private static async Task<int> AdvanceUntil(EmbeddedCluster cluster, FakeTimeProvider clock, Func<bool> done)
    {
        for (var seconds = 0; seconds < 600; seconds++)
        {
            await cluster.SettleAsync();
            if (done())
            {
                return seconds;
            }
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        throw new TimeoutException("the cluster did not reach the expected state within 600 virtual seconds");
    }

    private static int Running(ObjectRegistry registry, ResourceType pods) =>
        registry.Store.List(pods.StorageKey, "default").Items.Count(p => p.Str("status.phase") == "Running");

    private static void Scale(ObjectRegistry registry, ResourceType deployments, int replicas) =>
        registry.Store.Update(deployments, registry.Key(deployments, "default", "web"), current =>
        {
            var next = current.DeepClone().AsObject();
            next.Ensure("spec")["replicas"] = replicas;
            next.Meta()["generation"] = (current.Int("metadata.generation") ?? 1) + 1;
            return next;
        });

    private static JsonObject Deployment(int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "default" },
        ["spec"] = new JsonObject
        {
            ["replicas"] = replicas,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = "nginx",
                        ["image"] = "nginx:1.27",
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "10m", ["memory"] = "16Mi" } },
                    }),
                },
            },
        },
    };
}
