using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>Many HTTPS watchers on one collection while changes are committed as fast as the store takes them.</summary>
internal static class WatchFanOut
{
    public static async Task<Result> RunAsync(EmbeddedCluster cluster, int watchers, int changes)
    {
        var registry = cluster.Registry;
        var namespaces = registry.Catalog.Find("", "v1", "namespaces")!;
        var configMaps = registry.Catalog.Find("", "v1", "configmaps")!;
        var write = new WriteOptions("bench");
        registry.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "watch-bench" } }, write);
        await cluster.SettleAsync();
        var from = registry.Store.ResourceVersion.ToString(CultureInfo.InvariantCulture);

        using var http = ClusterHttp.Create(cluster);
        var committed = new long[changes];
        var streams = new List<(HttpResponseMessage Response, StreamReader Reader)>();
        for (var w = 0; w < watchers; w++)
        {
            var response = await http.GetAsync($"/api/v1/namespaces/watch-bench/configmaps?watch=true&resourceVersion={from}",
                HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            streams.Add((response, new StreamReader(await response.Content.ReadAsStreamAsync())));
        }

        // Every watcher is subscribed once its response has started; the changes can begin.
        var lastReceived = new StrongBox<long>();
        var readers = streams.Select(s => Task.Run(() => ReadAsync(s.Reader, committed, changes, lastReceived))).ToList();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < changes; i++)
        {
            committed[i] = Stopwatch.GetTimestamp();
            registry.Create(configMaps, "watch-bench", new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = $"change-{i:D5}" },
                ["data"] = new JsonObject { ["seq"] = i.ToString(CultureInfo.InvariantCulture) },
            }, write);
        }
        var writes = Stopwatch.GetElapsedTime(started);
        var latencies = (await Task.WhenAll(readers)).SelectMany(l => l).Order().ToArray();
        var wall = Stopwatch.GetElapsedTime(started, Math.Max(started, lastReceived.Value));
        foreach (var (response, reader) in streams)
        {
            reader.Dispose();
            response.Dispose();
        }
        return new Result(latencies.Length, wall, writes, latencies);
    }

    private static async Task<List<TimeSpan>> ReadAsync(StreamReader reader, long[] committed, int changes, StrongBox<long> lastReceived)
    {
        var latencies = new List<TimeSpan>(changes);
        const string Marker = "\"seq\":\"";
        while (latencies.Count < changes && await reader.ReadLineAsync() is { } line)
        {
            var received = Stopwatch.GetTimestamp();
            var at = line.IndexOf(Marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var start = at + Marker.Length;
            var seq = int.Parse(line.AsSpan(start, line.IndexOf('"', start) - start), CultureInfo.InvariantCulture);
            latencies.Add(Stopwatch.GetElapsedTime(committed[seq], received));
            InterlockedMax(ref lastReceived.Value, received);
        }
        return latencies;
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    internal sealed record Result(int Delivered, TimeSpan Wall, TimeSpan Writes, TimeSpan[] Latencies)
    {
        private TimeSpan Percentile(double p) => Latencies.Length == 0 ? TimeSpan.Zero : Latencies[(int)Math.Min(Latencies.Length - 1, p * Latencies.Length)];

        public override string ToString() =>
            $"| {Delivered:N0} | {Format.Ms(Wall)} (writes took {Format.Ms(Writes)}) | " +
            $"{(Delivered / Math.Max(Wall.TotalSeconds, 1e-9)).ToString("N0", CultureInfo.InvariantCulture)} events/s | " +
            $"{Format.Ms(Percentile(0.50))} | {Format.Ms(Percentile(0.99))} | {Format.Ms(Latencies.Length == 0 ? TimeSpan.Zero : Latencies[^1])} |";
    }
}
