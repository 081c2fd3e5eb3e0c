using k8s;
using k8s.Models;
using KubeMcp.Cluster;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>
/// An embedded cluster started with the <c>production-failing</c> scenario, once the scenario has played out: the
/// frontends serve and the worker has crashed at least once.
/// </summary>
public sealed class ScenarioClusterFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kubemcp-tests", Guid.NewGuid().ToString("N"));

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public IKubernetes Client => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Scenario = "production-failing" });
        _cluster.WriteKubeconfig(KubeconfigPath);
        await WaitForScenarioAsync();
    }

    /// <summary>Watches the production namespace until three frontends are ready and the worker has crashed.</summary>
    private async Task WaitForScenarioAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var pods = new Dictionary<string, V1Pod>();
        await foreach (var (type, pod) in Client.CoreV1.WatchListNamespacedPodAsync("production", cancellationToken: timeout.Token))
        {
            if (type == WatchEventType.Deleted)
            {
                pods.Remove(pod.Metadata.Name);
            }
            else
            {
                pods[pod.Metadata.Name] = pod;
            }
            var frontends = pods.Values.Count(p => p.Metadata.Name.StartsWith("frontend-", StringComparison.Ordinal)
                && p.Status?.ContainerStatuses?.All(c => c.Ready) == true);
            var workerCrashed = pods.Values.Any(p => p.Metadata.Name.StartsWith("worker-", StringComparison.Ordinal)
                && p.Status?.ContainerStatuses?.Any(c => c.LastState?.Terminated is not null) == true);
            if (frontends == 3 && workerCrashed)
            {
                return;
            }
        }
        throw new InvalidOperationException("the production-failing scenario did not settle within 90 seconds");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
