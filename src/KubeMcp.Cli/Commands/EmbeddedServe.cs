using KubeMcp.Cluster;
using KubeMcp.Server.Hosting;

namespace KubeMcp.Cli.Commands;

/// <summary>The embedded cluster behind <c>kubemcp serve --embedded</c>, started in this process.</summary>
internal static class EmbeddedServe
{
    public static async Task<StartedCluster> StartAsync(CancellationToken ct)
    {
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions(), ct);
        var path = cluster.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubemcp-embedded-{Environment.ProcessId}", "kubeconfig"));
        Console.Error.WriteLine($"Embedded cluster listening on {cluster.Url}; export KUBECONFIG={path} to use kubectl with it.");
        return new StartedCluster(path, cluster);
    }
}
