using k8s;
using KubeMcp.Cluster;
using KubeMcp.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>
/// A <see cref="VirtualClockCluster"/> with the steps the kubelet endpoint tests repeat: apply and let the
/// simulation run for a while, advance second by second, and a KubernetesClient for the cluster.
/// </summary>
public sealed class VirtualClockClusterFixture : IAsyncLifetime
{
    private readonly VirtualClockCluster _inner = new();

    public FakeTimeProvider Clock => _inner.Clock;

    public EmbeddedCluster Cluster => _inner.Cluster;

    public Kubectl Kubectl => _inner.Kubectl;

    public IKubernetes Client => new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(Path.Combine(_inner.Directory, "kubeconfig")));

    public ValueTask InitializeAsync() => _inner.InitializeAsync();

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

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
