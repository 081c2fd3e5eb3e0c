using System.Runtime.InteropServices;
using k8s;
using KubeMcp.Benchmarks.Load;
using KubeMcp.Cluster;

namespace KubeMcp.Benchmarks.Server;

/// <summary>
/// Our MCP server against the Go kubernetes-mcp-server, each as its own process on one embedded cluster in one
/// run: pods_list latency and throughput at several concurrent sessions, stdio cold start, and the output size of
/// every tool both serve, on the same state with the same arguments. Prints Markdown.
/// Run: <c>dotnet artifacts/bin/KubeMcp.Benchmarks/release/KubeMcp.Benchmarks.dll server [--sessions 1,8,32] [--seconds 10] [--starts 5] [--pods 100] [--published EXE] [--dump DIR]</c>.
/// </summary>
internal static class ServerBenchmark
{
    public static async Task<int> RunAsync(ServerBenchmarkOptions options)
    {
        var work = Directory.CreateTempSubdirectory("kubemcp-serverbench-").FullName;
        try
        {
            await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Port = 0, PreloadedImages = [BenchState.Image] });
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(work, "kubeconfig"));
            var policy = Path.Combine(work, "policy.yaml");
            // Every call is still decided by the policy engine; nothing waits for an approval nobody would give.
            await File.WriteAllTextAsync(policy, "defaults: { read: allow, write: allow, destructive: allow }\nmaxDeletionsPerSession: 1000000\n");
            using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
            var state = await BenchState.SeedAsync(client, options.Pods);

            var cli = Path.Combine(AppContext.BaseDirectory, "kubemcp.dll");
            var helm = Validators.Find("helm");
            var servers = new List<ServerUnderTest> { ServerUnderTest.Ours("kubemcp (ours, dotnet kubemcp.dll)", "dotnet", [cli, "serve"], kubeconfig, policy, helm) };
            foreach (var exe in options.Published)
            {
                // kubemcp-server is the server alone (its options are the root command's); kubemcp needs "serve".
                string[] command = Path.GetFileName(exe) == "kubemcp-server" ? [] : ["serve"];
                servers.Add(ServerUnderTest.Ours($"kubemcp (ours, {Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(exe)))}/{Path.GetFileName(exe)})",
                    exe, command, kubeconfig, policy, helm));
            }
            var go = Validators.Find("kubernetes-mcp-server");
            if (go is not null)
            {
                servers.Add(ServerUnderTest.Go(go, kubeconfig));
            }
            else
            {
                Console.Error.WriteLine("kubernetes-mcp-server not found (run eng/install-validators.sh); measuring ours only.");
            }

            Console.WriteLine($"MCP server benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                $"load average {LoadAverage()}; {state.ListedPods} pods in pods_list ({options.Pods} in namespace {BenchState.Namespace}); " +
                $"{options.Duration.TotalSeconds:0} s per measurement after a {Warmup(options).TotalSeconds:0} s warm-up (and 10 s at 8 sessions once per server before the first); {options.Starts} cold starts each.");
            Console.WriteLine();

            var running = new List<RunningServer>();
            try
            {
                foreach (var server in servers)
                {
                    running.Add(await server.StartHttpAsync());
                }
                var sizes = await OutputSizes.MeasureAsync(client, state.Cases(), servers.Select(s => s.Name).ToList(), running.Select(r => r.Endpoint).ToList(), options.Dump);
                foreach (var r in running)
                {
                    // Tiered compilation and connection pools settle before anything is timed.
                    await SessionLoad.RunAsync(r.Endpoint, 8, TimeSpan.FromSeconds(10), PodsList);
                }
                var throughput = new List<(int Sessions, string Server, SessionLoad.Result Result, TimeSpan Cpu)>();
                foreach (var sessions in options.Sessions)
                {
                    for (var i = 0; i < servers.Count; i++)
                    {
                        await SessionLoad.RunAsync(running[i].Endpoint, sessions, Warmup(options), PodsList);
                        var cpuBefore = running[i].CpuTime;
                        var result = await SessionLoad.RunAsync(running[i].Endpoint, sessions, options.Duration, PodsList);
                        throughput.Add((sessions, servers[i].Name, result, running[i].CpuTime - cpuBefore));
                        Console.Error.WriteLine($"{servers[i].Name}, {sessions} sessions: {result.Calls / options.Duration.TotalSeconds:0} calls/s, {result.Unexpected.Count} errors");
                    }
                }
                foreach (var r in running)
                {
                    await r.DisposeAsync();
                }
                running.Clear();

                var starts = servers.ToDictionary(s => s.Name, _ => new List<double>());
                for (var run = 0; run < options.Starts; run++)
                {
                    // Interleaved, so a burst of load on the machine hits every server alike.
                    foreach (var server in servers)
                    {
                        starts[server.Name].AddRange(await StdioColdStart.MeasureAsync(server.Stdio, runs: 1));
                    }
                }

                Console.WriteLine(ServerReport.Throughput(throughput, options.Duration));
                if (options.Starts > 0)
                {
                    Console.WriteLine(ServerReport.ColdStart(starts));
                }
                Console.WriteLine(ServerReport.Sizes(sizes, servers.Select(s => s.Name).ToList()));
                return throughput.All(t => t.Result.Unexpected.IsEmpty) ? 0 : 1;
            }
            finally
            {
                foreach (var r in running)
                {
                    await r.DisposeAsync();
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (string Tool, Dictionary<string, object?> Args) PodsList(int i) => ("pods_list", []);

    private static TimeSpan Warmup(ServerBenchmarkOptions options) => TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds));

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
