namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>
/// The output of a loop whose iterations depend on each other (counters, files), produced by running the
/// iterations in order on demand. Lines are kept up to a cap; a loop that would print more is cut there, which the
/// run's notes mention. Thread-safe: readers may advance it concurrently.
/// </summary>
internal sealed class SequentialLoopTail : ILogTail
{
    public const int MaxLines = 100_000;

    private const int MaxSilentIterations = 10_000;

    private readonly Func<LoopIteration> next;
    private readonly Lock gate = new();
    private readonly List<LogLine> lines = [];
    private TimeSpan reached;
    private bool finished;
    private int silentIterations;

    public SequentialLoopTail(Func<LoopIteration> next, TimeSpan start)
    {
        this.next = next;
        reached = start;
    }

    public long CountUpTo(TimeSpan elapsed)
    {
        lock (gate)
        {
            while (!finished && reached <= elapsed)
            {
                Advance();
            }
            int low = 0, high = lines.Count;
            while (low < high)
            {
                var mid = (low + high) / 2;
                if (lines[mid].Offset <= elapsed)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }
            return low;
        }
    }

    public IEnumerable<LogLine> From(long index, TimeSpan upTo)
    {
        while (true)
        {
            LogLine line;
            lock (gate)
            {
                while (index >= lines.Count && !finished && reached <= upTo)
                {
                    Advance();
                }
                if (index >= lines.Count || lines[(int)index].Offset > upTo)
                {
                    yield break;
                }
                line = lines[(int)index];
            }
            index++;
            yield return line;
        }
    }

    private void Advance()
    {
        var iteration = next();
        lines.AddRange(iteration.Lines);
        silentIterations = iteration.Lines.Count == 0 ? silentIterations + 1 : 0;
        // An iteration that takes no time would spin forever without producing anything new, and a loop silent
        // for this long is taken to stay silent; stop generating there.
        finished = !iteration.Continues || lines.Count >= MaxLines || silentIterations >= MaxSilentIterations ||
                   (iteration.End <= reached && iteration.Lines.Count == 0);
        reached = iteration.End > reached ? iteration.End : reached + TimeSpan.FromMilliseconds(1);
    }
}
