namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Lines produced after a run's finite prefix, typically by an endless loop. Implementations generate lines on
/// demand so a container that logs for weeks does not hold weeks of lines in memory.
/// </summary>
internal interface ILogTail
{
    /// <summary>How many tail lines have an offset at or before <paramref name="elapsed"/>.</summary>
    long CountUpTo(TimeSpan elapsed);

    /// <summary>
    /// The tail's lines from the zero-based <paramref name="index"/> on, in order, up to and including offset
    /// <paramref name="upTo"/>. Implementations must stop producing (and generating) past that offset.
    /// </summary>
    IEnumerable<LogLine> From(long index, TimeSpan upTo);
}
