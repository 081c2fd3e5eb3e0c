using System.CommandLine;
using KubeMcp.Cluster;

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
        var up = new Command("up", "Start the embedded cluster and write a kubeconfig for it; Ctrl-C stops it.")
        {
            port, data, kubeconfig,
        };
        up.SetAction(async (result, ct) =>
        {
            var options = new EmbeddedClusterOptions
            {
                Port = result.GetValue(port),
                DataDirectory = result.GetValue(data),
            };
            await using var cluster = await EmbeddedCluster.StartAsync(options, ct);
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
        return new Command("cluster", "Run the embedded Kubernetes-compatible cluster.") { up };
    }

    private static string DefaultKubeconfigPath() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kubemcp", "kubeconfig");
}
