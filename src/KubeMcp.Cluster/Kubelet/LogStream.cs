namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// The log of a simulated container: a finite list of lines, optionally followed by a generated tail, cut off at the
/// moment the container stopped. All queries take the elapsed time since the container started, so the same stream
/// answers <c>kubectl logs</c> at any moment, <c>--tail</c> and <c>--follow</c> alike.
/// </summary>
internal sealed class LogStream
{
    public static readonly LogStream Empty = new([], null, null);

    private readonly IReadOnlyList<LogLine> prefix;
    private readonly ILogTail? tail;
    private readonly TimeSpan? end;

    public LogStream(IReadOnlyList<LogLine> prefix, ILogTail? tail, TimeSpan? end)
    {
        this.prefix = prefix;
        this.tail = tail;
        this.end = end;
    }

    /// <summary>Whether lines keep coming for as long as the container runs.</summary>
    public bool IsUnbounded => tail is not null && end is null;

    /// <summary>How many lines exist once <paramref name="elapsed"/> has passed.</summary>
    public long CountUpTo(TimeSpan elapsed)
    {
        var limit = Limit(elapsed);
        return PrefixCount(limit) + (tail?.CountUpTo(limit) ?? 0);
    }

    /// <summary>Every line up to <paramref name="elapsed"/>, generated lazily in order.</summary>
    public IEnumerable<LogLine> Lines(TimeSpan elapsed) => LinesFrom(0, Limit(elapsed));

    /// <summary>The last <paramref name="maxLines"/> lines written by <paramref name="elapsed"/> (<c>kubectl logs --tail</c>).</summary>
    public IReadOnlyList<LogLine> LinesUpTo(TimeSpan elapsed, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLines);
        var limit = Limit(elapsed);
        var total = PrefixCount(limit) + (tail?.CountUpTo(limit) ?? 0);
        var first = Math.Max(0, total - maxLines);
        return [.. LinesFrom(first, limit).Take(maxLines)];
    }

    /// <summary>
    /// The first <paramref name="maxLines"/> lines written after <paramref name="after"/> and by
    /// <paramref name="upTo"/> (what a follower sees between two polls).
    /// </summary>
    public IReadOnlyList<LogLine> LinesBetween(TimeSpan after, TimeSpan upTo, int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLines);
        var limit = Limit(upTo);
        var skip = PrefixCount(after) + (tail?.CountUpTo(after) ?? 0);
        return [.. LinesFrom(skip, limit).Take(maxLines)];
    }

    private TimeSpan Limit(TimeSpan elapsed) => end is { } stop && stop < elapsed ? stop : elapsed;

    private long PrefixCount(TimeSpan limit)
    {
        // Prefix lines are ordered by offset, so the count is a binary search.
        int low = 0, high = prefix.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (prefix[mid].Offset <= limit)
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

    private IEnumerable<LogLine> LinesFrom(long index, TimeSpan limit)
    {
        for (var i = index; i < prefix.Count; i++)
        {
            if (prefix[(int)i].Offset > limit)
            {
                yield break;
            }
            yield return prefix[(int)i];
        }
        if (tail is null)
        {
            yield break;
        }
        foreach (var line in tail.From(Math.Max(0, index - prefix.Count), limit))
        {
            if (line.Offset > limit)
            {
                yield break;
            }
            yield return line;
        }
    }
}
