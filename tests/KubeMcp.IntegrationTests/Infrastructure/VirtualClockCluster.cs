using KubeMcp.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.IntegrationTests.Infrastructure;

/// <summary>
/// An embedded cluster on a virtual clock: tests move time forward (back-offs, retries, rollouts) instead of waiting,
/// and wait for the controllers to settle instead of sleeping.
/// </summary>
public sealed class VirtualClockCluster : IAsyncLifetime
{
    private EmbeddedCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("the cluster is not started");

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "kubemcp-tests", Guid.NewGuid().ToString("N"));

    public Kubectl Kubectl => new(Path.Combine(Directory, "kubeconfig"), Directory);

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Clock = Clock });
        _cluster.WriteKubeconfig(Path.Combine(Directory, "kubeconfig"));
    }

    /// <summary>Advances the clock in steps, letting the cluster react after each, until the condition holds.</summary>
    public async Task<bool> AdvanceUntilAsync(Func<Task<bool>> condition, TimeSpan step, int maxSteps = 60)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            await Cluster.SettleAsync(TestContext.Current.CancellationToken);
            if (await condition())
            {
                return true;
            }
            Clock.Advance(step);
        }
        await Cluster.SettleAsync(TestContext.Current.CancellationToken);
        return await condition();
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
