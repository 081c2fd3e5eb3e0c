using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using k8s;
using k8s.Models;
using KubeMcp.Cluster;
using KubeMcp.Server;
using KubeMcp.Server.Audit;
using KubeMcp.Server.Hosting;

namespace KubeMcp.Benchmarks.Load;

/// <summary>
/// N concurrent MCP sessions against our server and the embedded cluster, all on loopback, each calling a mix of
/// read tools back to back until the time is up; then every session closes and memory is measured again. Prints
/// a Markdown report. Stops by itself.
/// </summary>
internal static class LoadTest
{
    private static readonly (string Tool, Func<int, Dictionary<string, object?>> Args)[] Mix =
    [
        ("pods_list_in_namespace", _ => new() { ["namespace"] = "load" }),
        ("pods_get", i => new() { ["name"] = $"web-{i % 20}", ["namespace"] = "load" }),
        ("namespaces_list", _ => []),
        ("events_list", _ => new() { ["namespace"] = "load" }),
        ("resources_get", i => new() { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["name"] = $"settings-{i % 5}", ["namespace"] = "load" }),
        ("pods_list", _ => new() { ["labelSelector"] = "tier=web" }),
    ];

    private static (string Tool, Dictionary<string, object?> Args) Call(int i) => (Mix[i % Mix.Length].Tool, Mix[i % Mix.Length].Args(i));

    public static async Task<int> RunAsync(LoadTestOptions options)
    {
        var dir = Directory.CreateTempSubdirectory("kubemcp-load-").FullName;
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Port = 0 });
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(dir, "kubeconfig"));
            await SeedAsync(kubeconfig);
            var serverOptions = new KubeMcpServerOptions
            {
                Kubeconfig = kubeconfig,
                AuditLog = new AuditLogOptions { Path = Path.Combine(dir, "audit.jsonl"), MaxBytes = 50 * 1024 * 1024 },
                // The limits are the thing under test elsewhere; here they must not throttle the measurement.
                RateLimits = new RateLimitOptions { PerSessionPerMinute = 100_000, GlobalPerMinute = 0 },
            };
            await using var app = KubeMcpHost.CreateHttp(serverOptions, "127.0.0.1", 0);
            await app.StartAsync();
            var endpoint = new Uri(app.Urls.First() + "/mcp");

            // Warm-up: JIT, discovery caches, connection pools; the baseline is taken after it.
            await SessionLoad.RunAsync(endpoint, options.Sessions, TimeSpan.FromSeconds(5), Call);
            await Task.Delay(TimeSpan.FromSeconds(15));
            var memoryBefore = Settle();
            var clock = Stopwatch.StartNew();
            var (latencies, unexpected, toolErrors, peakWorkingSet) = await SessionLoad.RunAsync(endpoint, options.Sessions, options.Duration, Call);
            var elapsed = clock.Elapsed;
            // Idle partitions of the rate limiter and closed sessions are released within seconds.
            await Task.Delay(TimeSpan.FromSeconds(15));
            var memoryAfter = Settle();
            var auditLines = AuditLog.ReadAll(serverOptions.AuditLog.Path, 5).Count;
            await app.StopAsync();

            Console.WriteLine(Report(options, elapsed, latencies, unexpected, toolErrors, memoryBefore, memoryAfter, peakWorkingSet, auditLines));
            return unexpected.IsEmpty ? 0 : 1;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task SeedAsync(string kubeconfig)
    {
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "load" } });
        for (var i = 0; i < 20; i++)
        {
            await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"web-{i}", Labels = new Dictionary<string, string> { ["tier"] = "web" } },
                Spec = new V1PodSpec { NodeName = "kubemcp-worker", Containers = [new V1Container { Name = "main", Image = "nginx:1.27" }] },
            }, "load");
        }
        for (var i = 0; i < 5; i++)
        {
            await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"settings-{i}" },
                Data = new Dictionary<string, string> { ["mode"] = "fast" },
            }, "load");
        }
    }

    /// <summary>Managed heap after a full, compacting collection: what the process really holds on to.</summary>
    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Report(LoadTestOptions options, TimeSpan elapsed, ConcurrentDictionary<string, ConcurrentBag<double>> latencies,
        ConcurrentBag<string> unexpected, long toolErrors, long before, long after, long peak, int auditLines)
    {
        static string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
        var total = latencies.Values.Sum(b => b.Count);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{options.Sessions} sessions for {elapsed.TotalSeconds:0.0} s: {total} tool calls, " +
            $"{(total / elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)} calls/s, {unexpected.Count} unexpected errors ({toolErrors} isError results), " +
            $"{auditLines} audit lines (warm-up included).");
        sb.AppendLine();
        sb.AppendLine("| tool | calls | p50 ms | p95 ms | p99 ms | max ms |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (tool, bag) in latencies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sorted = bag.Order().ToArray();
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {tool} | {sorted.Length} | {Ms(P(0.50))} | {Ms(P(0.95))} | {Ms(P(0.99))} | {Ms(sorted[^1])} |");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Managed heap after a full GC: {Mb(before)} MiB before, {Mb(after)} MiB after the sessions closed; peak working set {Mb(peak)} MiB.");
        foreach (var error in unexpected.Distinct().Take(10))
        {
            sb.AppendLine("- unexpected: " + error);
        }
        return sb.ToString();
    }
}
