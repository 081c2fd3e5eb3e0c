using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Tests.Agent.Fakes;

/// <summary>
/// A virtual clock that reports each timer created with a due time, so a test can wait for a backoff to be scheduled
/// and then advance exactly past it: no sleeping, no racing.
/// </summary>
internal sealed class SignalingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public SignalingTimeProvider()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new SignalingTimer(base.CreateTimer(callback, state, dueTime, period), _timers.Writer);
        timer.Signal(dueTime);
        return timer;
    }

    /// <summary>Waits until a timer is scheduled, advances the clock by its due time and returns that time.</summary>
    public async Task<TimeSpan> AdvanceToNextTimerAsync()
    {
        var due = await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Advance(due);
        return due;
    }

    /// <summary>Also reports re-armed timers: a pooled CancellationTokenSource is armed with CancelAfter, not created.</summary>
    private sealed class SignalingTimer(ITimer inner, ChannelWriter<TimeSpan> writer) : ITimer
    {
        public void Signal(TimeSpan dueTime)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                writer.TryWrite(dueTime);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            Signal(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
