using System.Diagnostics;
using System.Globalization;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>
/// The embedded cluster's API under load: <c>kubectl get pods -A</c> and a single Table list at 1,000 and 10,000 pods
/// (with the server's memory), and watch fan-out to many watchers. Prints a Markdown section for docs/benchmarks.md.
/// </summary>
internal static class EmbeddedClusterBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        var report = new Report();
        report.Line($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                    $"{(Debugger.IsAttached ? "debugger attached" : BuildConfiguration())} build, load average {LoadAverage()}.");
        report.Line("");

        var directory = Directory.CreateTempSubdirectory("kubemcp-bench-").FullName;
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions());
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
            var pods = new PodLoad(cluster);
            using var lists = new ListMeasurements(cluster, kubeconfig, directory, options.Kubectl);
            var baseline = Memory.Measure();
            report.Line($"Empty cluster: {baseline}.");
            report.Line("");
            report.Line("| Pods | `kubectl get pods -A` (median of 5) | Table list, one request (median of 9) | JSON list, one request | Managed heap | Process RSS | RSS after the lists |");
            report.Line("|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var target in options.PodCounts)
            {
                var created = await pods.GrowToAsync(target);
                var memory = Memory.Measure();
                var kubectl = await lists.KubectlGetPodsAsync();
                var table = await lists.TableListAsync();
                var json = await lists.JsonListAsync();
                // What serving the lists left behind (buffers, caches), after a full collection like the first.
                var afterLists = Memory.Measure();
                report.Line($"| {target:N0} | {kubectl} | {table} | {json} | {memory.Heap} | {memory.Rss} | {afterLists.Rss} |");
                Console.Error.WriteLine($"bench: {target} pods ({created.TotalSeconds:F1}s to create)");
            }
            report.Line("");
            report.Line("Pods are created in-process through the registry, bound to a node name that is not simulated (so no " +
                        "scheduler or kubelet work runs), spread over 10 namespaces, with a Running status. `kubectl get pods -A` " +
                        "includes starting kubectl and its 500-item pages; the one-request lists ask for everything at once.");
            report.Line("");

            var watch = await WatchFanOut.RunAsync(cluster, options.Watchers, options.Changes);
            report.Line($"**Watch fan-out**: {options.Watchers} watchers on one namespace's ConfigMaps, {options.Changes:N0} changes " +
                        $"committed back to back in-process.");
            report.Line("");
            report.Line("| Events delivered | Wall time | Throughput | Latency p50 | p99 | max |");
            report.Line("|---:|---:|---:|---:|---:|---:|");
            report.Line(watch.ToString());
            report.Line("");
            report.Line("Latency runs from just before a change is committed to the moment a watcher has parsed that event " +
                        "from its HTTPS stream; the watchers run in the same process, so they share the two cores with the server.");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
        if (options.RealisticReplicas > 0)
        {
            report.Line("");
            report.Line(await RealisticWorkload.RunAsync(options.RealisticReplicas, options.Kubectl));
        }
        Console.WriteLine(report);
        return 0;
    }

    private static string BuildConfiguration() =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The Markdown the run prints.</summary>
    private sealed class Report
    {
        private readonly System.Text.StringBuilder _text = new();

        public void Line(string line) => _text.AppendLine(line);

        public override string ToString() => _text.ToString();
    }
}

internal static class Format
{
    public static string Ms(TimeSpan t) => t.TotalMilliseconds < 10
        ? $"{t.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms"
        : $"{t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms";

    public static string Mb(long bytes) => $"{(bytes / 1024.0 / 1024.0).ToString("F0", CultureInfo.InvariantCulture)} MB";

    public static TimeSpan Median(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
