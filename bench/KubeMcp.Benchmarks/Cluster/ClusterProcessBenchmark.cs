using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Benchmarks.Cluster;

/// <summary>
/// What a user runs: <c>kubemcp cluster up</c> as its own process, filled with pods over HTTPS (a create and a status
/// update each, as <see cref="PodLoad"/> makes them), then listed. Reports the process's resident memory as the
/// operating system sees it — no forced collection, so it includes whatever garbage the GC has not yet reclaimed.
/// </summary>
internal static class ClusterProcessBenchmark
{
    private const int Connections = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var pods = args is ["--pods", var n] ? int.Parse(n, CultureInfo.InvariantCulture) : 10_000;
        var directory = Directory.CreateTempSubdirectory("kubemcp-bench-").FullName;
        using var cluster = Start(Path.Combine(directory, "kubeconfig"));
        try
        {
            var (url, token, authority) = await WaitForKubeconfigAsync(cluster, Path.Combine(directory, "kubeconfig"));
            using var http = ClusterHttp.Create(url, token, authority);
            var lines = new List<string> { $"Empty cluster: process RSS {Rss(cluster)}." };
            var created = await CreatePodsAsync(http, pods);
            var loaded = Rss(cluster);
            var table = await TimeListAsync(http, ClusterHttp.TableAccept, 9);
            var json = await TimeListAsync(http, "application/json", 5);
            lines.Add("");
            lines.Add("| Pods | Created in | Process RSS | Table list, one request (median of 9) | JSON list, one request (median of 5) | RSS after the lists |");
            lines.Add("|---:|---:|---:|---:|---:|---:|");
            lines.Add($"| {pods:N0} | {created.TotalSeconds:F1} s | {loaded} | {Format.Ms(table)} | {Format.Ms(json)} | {Rss(cluster)} |");
            Console.WriteLine(string.Join(Environment.NewLine, lines));
            return 0;
        }
        finally
        {
            if (!cluster.HasExited)
            {
                cluster.Kill();
                await cluster.WaitForExitAsync();
            }
            Directory.Delete(directory, recursive: true);
        }
    }

    private static Process Start(string kubeconfig)
    {
        // The kubemcp assembly the benchmark was built with sits next to it.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "kubemcp.dll"), "cluster", "up", "--port", "0", "--kubeconfig", kubeconfig })
        {
            psi.ArgumentList.Add(arg);
        }
        var process = Process.Start(psi)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(Uri Url, string Token, string Authority)> WaitForKubeconfigAsync(Process cluster, string kubeconfig)
    {
        // "cluster up" prints the export line once the kubeconfig is written and the server listens.
        while (await cluster.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("export KUBECONFIG=", StringComparison.Ordinal))
            {
                var fields = File.ReadAllLines(kubeconfig).Select(l => l.Trim()).Where(l => l.Contains(": ", StringComparison.Ordinal))
                    .Select(l => l.Split(": ", 2)).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.First()[1]);
                _ = cluster.StandardOutput.ReadToEndAsync();
                return (new Uri(fields["server"]), fields["token"], fields["certificate-authority-data"]);
            }
        }
        throw new InvalidOperationException("kubemcp cluster up exited before it was ready");
    }

    private static async Task<TimeSpan> CreatePodsAsync(HttpClient http, int count)
    {
        for (var n = 0; n < PodLoad.Namespaces; n++)
        {
            using var ns = await http.PostAsync("/api/v1/namespaces", Body(new JsonObject { ["metadata"] = new JsonObject { ["name"] = $"bench-{n}" } }));
            ns.EnsureSuccessStatusCode();
        }
        var started = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var ns = $"bench-{i % PodLoad.Namespaces}";
                var name = $"app-{i / 100:D4}-{i % 100:D2}";
                using var created = await http.PostAsync($"/api/v1/namespaces/{ns}/pods", Body(PodLoad.Pod(name, i)));
                created.EnsureSuccessStatusCode();
                var pod = JsonNode.Parse(await created.Content.ReadAsStringAsync())!.AsObject();
                using var updated = await http.PutAsync($"/api/v1/namespaces/{ns}/pods/{name}/status", Body(PodLoad.WithStatus(pod, i)));
                updated.EnsureSuccessStatusCode();
            }
        }));
        return started.Elapsed;
    }

    private static async Task<TimeSpan> TimeListAsync(HttpClient http, string accept, int samples)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i <= samples; i++)
        {
            var elapsed = await ListMeasurements.TimeListAllPodsAsync(http, accept);
            if (i > 0)
            {
                // The first request warms up (JIT, connection) and is not counted.
                times.Add(elapsed);
            }
        }
        return Format.Median(times);
    }

    private static StringContent Body(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    private static string Rss(Process process)
    {
        process.Refresh();
        return Format.Mb(process.WorkingSet64);
    }
}
