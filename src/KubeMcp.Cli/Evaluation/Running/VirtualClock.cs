using KubeMcp.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>
/// A task's virtual clock and the cluster that runs on it. Time moves only when the evaluation moves it, in steps,
/// letting the controllers and kubelets settle after each, so a five-minute crash loop takes milliseconds.
/// </summary>
internal sealed class VirtualClock
{
    /// <summary>Step used when letting a stretch of time pass.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EmbeddedCluster? _cluster;

    public VirtualClock(DateTimeOffset start)
    {
        _time = new FakeTimeProvider(start);
    }

    /// <summary>The time provider to start the cluster with.</summary>
    public TimeProvider Provider => _time;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Connects the clock to the cluster started on it (needed to wait for the cluster to settle).</summary>
    public void Attach(EmbeddedCluster cluster) => _cluster = cluster;

    /// <summary>Waits until the cluster has reacted to everything so far.</summary>
    public Task SettleAsync(CancellationToken ct) => _cluster?.SettleAsync(ct) ?? Task.CompletedTask;

    /// <summary>Lets <paramref name="duration"/> pass in steps of at most <paramref name="step"/>, settling after each.</summary>
    public async Task AdvanceAsync(TimeSpan duration, CancellationToken ct, TimeSpan? step = null)
    {
        var size = step ?? Step;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await SettleAsync(ct).ConfigureAwait(false);
            for (var left = duration; left > TimeSpan.Zero; left -= size)
            {
                _time.Advance(left < size ? left : size);
                await SettleAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Keeps the clock moving while an outside program (a setup or verify script) runs: <paramref name="perTick"/> of
    /// virtual time every <paramref name="interval"/> of real time, so <c>kubectl wait --timeout=30s</c> and
    /// <c>sleep</c> in scripts see the cluster progress. Dispose to stop.
    /// </summary>
    public IAsyncDisposable Run(TimeSpan perTick, TimeSpan interval) => new Pump(this, perTick, interval);

    private sealed class Pump : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Pump(VirtualClock clock, TimeSpan perTick, TimeSpan interval)
        {
            _loop = Task.Run(async () =>
            {
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                        await clock.AdvanceAsync(perTick, _stop.Token, perTick).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _loop.ConfigureAwait(false);
            _stop.Dispose();
        }
    }
}
