using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using KubeMcp.Agent.Mcp;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks;

/// <summary>
/// The MCP client, against our server and the Go kubernetes-mcp-server on the same embedded cluster:
/// <c>kubemcp tools list</c> wall time from process start to exit, and sequential <c>pods_list</c> calls in one session.
/// Run: <c>dotnet run -c Release --project bench/KubeMcp.Benchmarks -- client [--calls 1000] [--starts 5] [--pods 20]</c>.
/// </summary>
internal static class ClientBenchmarks
{
    public static async Task<int> RunAsync(string[] args)
    {
        var calls = IntOption(args, "--calls", 1000);
        var starts = IntOption(args, "--starts", 5);
        var pods = IntOption(args, "--pods", 20);
        var work = Path.Combine(Path.GetTempPath(), $"kubemcp-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Port = 0 });
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(work, "kubeconfig"));
            await CreatePodsAsync(kubeconfig, pods);

            var cli = Path.Combine(AppContext.BaseDirectory, "kubemcp.dll");
            var servers = new List<(string Name, Func<int, ProcessStartInfo> Start)>
            {
                ("kubemcp (ours)", port => Start("dotnet", [cli, "serve", "--kubeconfig", kubeconfig, "--port", Str(port)])),
            };
            if (Validators.Find("kubernetes-mcp-server") is { } go)
            {
                servers.Add(("kubernetes-mcp-server 0.0.67 (Go)", port =>
                {
                    var psi = Start(go, ["--port", Str(port), "--bind-address", "127.0.0.1", "--kubeconfig", kubeconfig, "--toolsets", "core,config,helm"]);
                    psi.Environment["KUBE_CLIENT_QPS"] = "1000";
                    psi.Environment["KUBE_CLIENT_BURST"] = "2000";
                    return psi;
                }));
            }
            else
            {
                Console.Error.WriteLine("kubernetes-mcp-server not found (run eng/install-validators.sh); measuring ours only.");
            }

            Console.WriteLine($"MCP client benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                $"{pods} pods on the embedded cluster, {calls} sequential pods_list calls, {starts} runs of `kubemcp tools list`.");
            Console.WriteLine();
            Console.WriteLine("| server | `tools list` wall time, median (min–max) | pods_list calls/s | p50 | p95 | p99 | max |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var (name, start) in servers)
            {
                var port = LocalPorts.Free();
                using var process = Process.Start(start(port)) ?? throw new InvalidOperationException($"could not start {name}");
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                try
                {
                    var url = new Uri($"http://127.0.0.1:{port}/mcp");
                    await WaitUntilReadyAsync(url, process);
                    var list = await MeasureToolsListAsync(cli, url, starts);
                    var latencies = await MeasureCallsAsync(url, calls);
                    var total = latencies.Sum();
                    Console.WriteLine($"| {name} | {Ms(Median(list))} ({Ms(list.Min())}–{Ms(list.Max())}) | {calls / (total / 1000):0} | " +
                        $"{Ms(Percentile(latencies, 50))} | {Ms(Percentile(latencies, 95))} | {Ms(Percentile(latencies, 99))} | {Ms(latencies.Max())} |");
                }
                finally
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Each run is a fresh process: runtime start, connect, initialize, tools/list, table, exit.</summary>
    private static async Task<List<double>> MeasureToolsListAsync(string cli, Uri url, int runs)
    {
        var times = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            var psi = Start("dotnet", [cli, "tools", "list", "--url", url.ToString()]);
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(psi)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"kubemcp tools list exited {process.ExitCode}: {await error}");
            }

            _ = await output;
            if (i > 0)
            {
                times.Add(elapsed); // the first run only warms the disk cache
            }
        }

        return times;
    }

    private static async Task<List<double>> MeasureCallsAsync(Uri url, int calls)
    {
        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = url });
        var arguments = new JsonObject();
        for (var i = 0; i < 20; i++)
        {
            await connection.CallToolAsync("pods_list", arguments);
        }

        var latencies = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await connection.CallToolAsync("pods_list", arguments);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (result.IsError == true)
            {
                throw new InvalidOperationException("pods_list failed: " + ToolResultText.Render(result));
            }
        }

        if (connection.Reinitializations != 0)
        {
            throw new InvalidOperationException("the session was lost during the run");
        }

        return latencies;
    }

    private static async Task CreatePodsAsync(string kubeconfig, int count)
    {
        var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "bench" } });
        for (var i = 0; i < count; i++)
        {
            // Bound to a node the simulated kubelet does not run, so the pods stay exactly as created.
            await client.CoreV1.CreateNamespacedPodAsync(new V1Pod
            {
                Metadata = new V1ObjectMeta { Name = $"web-{i}", Labels = new Dictionary<string, string> { ["app"] = "web" } },
                Spec = new V1PodSpec { NodeName = "bench-node", Containers = [new V1Container { Name = "main", Image = "nginx:1.27" }] },
            }, "bench");
        }
    }

    private static async Task WaitUntilReadyAsync(Uri url, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = url, Timeout = TimeSpan.FromSeconds(10) });
                return;
            }
            catch (McpClientException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
    }

    private static double Median(List<double> values) => Percentile(values, 50);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static string Ms(double ms) => ms >= 100 ? $"{ms:0} ms" : $"{ms:0.00} ms";

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);
}
