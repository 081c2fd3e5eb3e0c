using System.Text;
using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// Writes a container's log the way the kubelet serves it: the last <c>tailLines</c>, lines since a time, an
/// RFC 3339 timestamp in front of each line when asked (the container's start plus the line's offset), cut at
/// <c>limitBytes</c>; and with <c>follow</c>, new lines as the simulation clock moves until the container ends.
/// </summary>
internal sealed class ContainerLogWriter(Stream output, PodLogOptions options, TimeProvider clock)
{
    /// <summary>How often a follower looks for new lines (on the simulation clock).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>At most this many lines are generated per poll, so a runaway loop cannot stall the server.</summary>
    private const int MaxLinesPerPoll = 50_000;

    private long _remaining = options.LimitBytes ?? long.MaxValue;

    /// <summary>Whether <c>limitBytes</c> has been reached.</summary>
    public bool Exhausted => _remaining <= 0;

    /// <summary>Writes what the log holds now; returns the elapsed time it covered (where a follower continues).</summary>
    public async Task<TimeSpan> WriteExistingAsync(ContainerInstance instance, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var elapsed = instance.ElapsedAt(now);
        var logs = instance.Run.Logs;
        IEnumerable<LogLine> lines = options.TailLines is { } tail
            ? logs.LinesUpTo(elapsed, (int)Math.Min(tail, int.MaxValue))
            : logs.Lines(elapsed);
        await WriteLinesAsync(instance, lines, options.Since(now), ct);
        return elapsed;
    }

    /// <summary>
    /// Streams lines written after <paramref name="from"/>, re-reading the instance through <paramref name="refresh"/>
    /// each poll, until the container has ended (or is gone), <c>limitBytes</c> is reached or the client leaves.
    /// </summary>
    public async Task FollowAsync(ContainerInstance instance, TimeSpan from, Func<ContainerInstance?> refresh, CancellationToken ct)
    {
        var cursor = from;
        var current = instance;
        while (!Exhausted && !Ended(current, clock.GetUtcNow(), cursor))
        {
            await Task.Delay(PollInterval, clock, ct);
            var next = refresh();
            var now = clock.GetUtcNow();
            if (next is not null)
            {
                current = next;
            }
            var upTo = current.ElapsedAt(now);
            var lines = current.Run.Logs.LinesBetween(cursor, upTo, MaxLinesPerPoll);
            await WriteLinesAsync(current, lines, null, ct);
            cursor = lines.Count == MaxLinesPerPoll ? lines[^1].Offset : upTo;
            if (next is null)
            {
                // The pod or container is gone: the stream ends, as it does when the kubelet removes the container.
                break;
            }
        }
    }

    private static bool Ended(ContainerInstance instance, DateTimeOffset now, TimeSpan cursor) =>
        instance.FinishedAt is { } end && end <= now && cursor >= end - instance.StartedAt;

    private async Task WriteLinesAsync(ContainerInstance instance, IEnumerable<LogLine> lines, DateTimeOffset? since, CancellationToken ct)
    {
        var buffer = new StringBuilder();
        foreach (var line in lines)
        {
            var time = instance.StartedAt + line.Offset;
            if (since is { } s && time < s)
            {
                continue;
            }
            if (options.Timestamps)
            {
                buffer.Append(Rfc3339.FormatNano(time)).Append(' ');
            }
            buffer.Append(line.Text).Append('\n');
            if (buffer.Length >= 32 * 1024)
            {
                await FlushAsync(buffer, ct);
                if (Exhausted)
                {
                    return;
                }
            }
        }
        await FlushAsync(buffer, ct);
    }

    private async Task FlushAsync(StringBuilder buffer, CancellationToken ct)
    {
        if (buffer.Length == 0 || Exhausted)
        {
            buffer.Clear();
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(buffer.ToString());
        buffer.Clear();
        var count = (int)Math.Min(bytes.Length, _remaining);
        _remaining -= count;
        await output.WriteAsync(bytes.AsMemory(0, count), ct);
        await output.FlushAsync(ct);
    }
}
