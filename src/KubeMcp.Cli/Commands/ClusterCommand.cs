using System.CommandLine;
using System.Runtime.InteropServices;
using KubeMcp.Cluster;
using KubeMcp.Cluster.Scenarios;

namespace KubeMcp.Cli.Commands;

/// <summary><c>kubemcp cluster …</c>: run the embedded Kubernetes-compatible cluster.</summary>
internal static class ClusterCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var data = new Option<string?>("--data") { Description = "Directory that keeps the cluster's objects across restarts (default: in memory)." };
        var kubeconfig = new Option<string>("--kubeconfig")
        {
            Description = "Where to write the kubeconfig for this cluster.",
            DefaultValueFactory = _ => DefaultKubeconfigPath(),
        };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Load a scenario after start: a built-in name (see 'kubemcp cluster scenarios') or a multi-document YAML file.",
        };
        var up = new Command("up", "Start the embedded cluster and write a kubeconfig for it; Ctrl-C stops it.")
        {
            port, data, kubeconfig, scenario,
        };
        up.SetAction(async (result, ct) =>
        {
            var options = new EmbeddedClusterOptions
            {
                Port = result.GetValue(port),
                DataDirectory = result.GetValue(data),
                Scenario = result.GetValue(scenario),
            };
            // SIGTERM (from kill, systemd, docker stop) and SIGINT (Ctrl-C, or kill -INT of a background job, whose
            // shell set SIGINT to be ignored) both stop the cluster the same orderly way.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            void Stop(PosixSignalContext context)
            {
                context.Cancel = true;
                stopping.Cancel();
            }
            ct = stopping.Token;
            EmbeddedCluster cluster;
            try
            {
                cluster = await EmbeddedCluster.StartAsync(options, ct);
            }
            catch (Exception e) when (e is ScenarioException or IOException or UnauthorizedAccessException)
            {
                // A bad scenario, a port in use or a data directory that cannot be written: the person can fix these.
                await Console.Error.WriteLineAsync($"kubemcp cluster up: {e.Message}");
                return 2;
            }
            await using var _ = cluster;
            var path = cluster.WriteKubeconfig(result.GetValue(kubeconfig)!);
            Console.WriteLine($"Embedded cluster listening on {cluster.Url}");
            Console.WriteLine($"export KUBECONFIG={path}");
            Console.Out.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            Console.Error.WriteLine("Stopping the embedded cluster.");
            return 0;
        });
        var scenarios = new Command("scenarios", "List the built-in scenarios.");
        scenarios.SetAction(_ =>
        {
            foreach (var (name, description) in ScenarioLoader.BuiltIn())
            {
                Console.WriteLine($"{name,-20} {description}");
            }
            return 0;
        });
        return new Command("cluster", "Run the embedded Kubernetes-compatible cluster.") { up, scenarios };
    }

    private static string DefaultKubeconfigPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kubemcp", "kubeconfig");
}
