using k8s;
using KubeMcp.Cluster;
using KubeMcp.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>
/// An embedded cluster on a virtual clock, so pulls, crashes and back-offs happen when a test advances time rather
/// than after real waits. Shared by one test class; tests use their own namespaces.
/// </summary>
public sealed class VirtualClockClusterFixture : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kubemcp-tests", Guid.NewGuid().ToString("N"));

    public string KubeconfigPath => Path.Combine(Directory, "kubeconfig");

    public Kubectl Kubectl => new(KubeconfigPath, Directory);

    public IKubernetes Client => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Clock = Clock });
        _cluster.WriteKubeconfig(KubeconfigPath);
    }

    /// <summary>Moves the clock forward a second at a time, letting the kubelets and controllers react to each step.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await Cluster.SettleAsync(TestContext.Current.CancellationToken);
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            Clock.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            await Cluster.SettleAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Applies a manifest and lets the simulation run for <paramref name="forSeconds"/> seconds.</summary>
    public async Task ApplyAsync(string yaml, double forSeconds = 3)
    {
        await Kubectl.ApplyAsync(yaml);
        await AdvanceAsync(TimeSpan.FromSeconds(forSeconds));
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
