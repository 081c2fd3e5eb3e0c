namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// The output of an endless loop whose iterations all look alike (same duration, same number of lines, no state
/// carried between them). Any line is computed directly from its index by re-running just that iteration, so a
/// loop that has printed for months costs no more than one that just started.
/// </summary>
internal sealed class PeriodicLoopTail : ILogTail
{
    private readonly Func<TimeSpan, LoopIteration> iterate;
    private readonly TimeSpan start;
    private readonly TimeSpan period;
    private readonly IReadOnlyList<TimeSpan> relativeOffsets;

    private PeriodicLoopTail(Func<TimeSpan, LoopIteration> iterate, TimeSpan start, TimeSpan period, IReadOnlyList<TimeSpan> relativeOffsets)
    {
        this.iterate = iterate;
        this.start = start;
        this.period = period;
        this.relativeOffsets = relativeOffsets;
    }

    /// <summary>
    /// A periodic tail starting at <paramref name="start"/>, if two consecutive iterations confirm the loop is
    /// periodic with <paramref name="period"/>; null otherwise.
    /// </summary>
    public static PeriodicLoopTail? TryCreate(Func<TimeSpan, LoopIteration> iterate, TimeSpan start, TimeSpan period)
    {
        var first = iterate(start);
        var second = iterate(start + period);
        if (!first.Continues || !second.Continues || first.End - start != period ||
            second.End - (start + period) != period || first.Lines.Count != second.Lines.Count)
        {
            return null;
        }
        return new PeriodicLoopTail(iterate, start, period, [.. first.Lines.Select(l => l.Offset - start)]);
    }

    private int LinesPerIteration => relativeOffsets.Count;

    public long CountUpTo(TimeSpan elapsed)
    {
        if (elapsed < start || LinesPerIteration == 0)
        {
            return 0;
        }
        var iteration = (elapsed - start).Ticks / period.Ticks;
        var within = elapsed - start - TimeSpan.FromTicks(period.Ticks * iteration);
        return iteration * LinesPerIteration + relativeOffsets.Count(o => o <= within);
    }

    public IEnumerable<LogLine> From(long index, TimeSpan upTo)
    {
        if (LinesPerIteration == 0)
        {
            yield break;
        }
        var iteration = index / LinesPerIteration;
        var line = (int)(index % LinesPerIteration);
        while (true)
        {
            var iterationStart = start + TimeSpan.FromTicks(period.Ticks * iteration);
            if (iterationStart > upTo)
            {
                yield break;
            }
            var lines = iterate(iterationStart).Lines;
            for (; line < Math.Min(lines.Count, LinesPerIteration); line++)
            {
                if (lines[line].Offset > upTo)
                {
                    yield break;
                }
                yield return lines[line];
            }
            line = 0;
            iteration++;
        }
    }
}
