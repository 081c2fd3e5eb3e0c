using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class LogStreamTests
{
    private static LogLine At(double seconds, string text) => new(TimeSpan.FromSeconds(seconds), text);

    private sealed class CountingTail(TimeSpan start, TimeSpan period) : ILogTail
    {
        public long Generated { get; private set; }

        public long CountUpTo(TimeSpan elapsed) => elapsed < start ? 0 : (elapsed - start).Ticks / period.Ticks + 1;

        public IEnumerable<LogLine> From(long index, TimeSpan upTo)
        {
            for (var i = index; start + period * i <= upTo; i++)
            {
                Generated++;
                yield return new LogLine(start + period * i, $"line {i}");
            }
        }
    }

    [Fact]
    public void LinesUpTo_ReturnsTheLastLinesWrittenByThen()
    {
        var stream = new LogStream([At(0, "a"), At(1, "b"), At(2, "c"), At(3, "d")], null, null);

        Assert.Equal(["b", "c"], stream.LinesUpTo(TimeSpan.FromSeconds(2.5), 2).Select(l => l.Text));
        Assert.Equal(["a", "b", "c"], stream.LinesUpTo(TimeSpan.FromSeconds(2), 100).Select(l => l.Text));
        Assert.Empty(stream.LinesUpTo(TimeSpan.FromSeconds(-1), 10));
        Assert.Empty(stream.LinesUpTo(TimeSpan.FromSeconds(3), 0));
    }

    [Fact]
    public void End_CutsLinesAfterTheContainerStopped()
    {
        var stream = new LogStream([At(0, "a"), At(5, "b")], new CountingTail(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(8));

        Assert.Equal(5, stream.CountUpTo(TimeSpan.FromDays(1)));
        Assert.Equal(["a", "b", "line 0", "line 1", "line 2"], stream.Lines(TimeSpan.FromDays(1)).Select(l => l.Text));
        Assert.False(stream.IsUnbounded);
    }

    [Fact]
    public void Tail_IsGeneratedOnlyAsFarAsAsked()
    {
        var tail = new CountingTail(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var stream = new LogStream([At(0, "first")], tail, null);

        var last = stream.LinesUpTo(TimeSpan.FromDays(365), 3);

        Assert.Equal(["line 31535997", "line 31535998", "line 31535999"], last.Select(l => l.Text));
        Assert.True(tail.Generated <= 4);
        Assert.True(stream.IsUnbounded);
    }

    [Fact]
    public void LinesBetween_PagesThroughPrefixAndTail()
    {
        var stream = new LogStream([At(0, "a"), At(1, "b")], new CountingTail(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1)), null);

        Assert.Equal(["b", "line 0"], stream.LinesBetween(TimeSpan.FromSeconds(0), TimeSpan.FromSeconds(2), 10).Select(l => l.Text));
        Assert.Equal(["line 1", "line 2"], stream.LinesBetween(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 2).Select(l => l.Text));
    }

    [Fact]
    public void NegativeMaxLines_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LogStream.Empty.LinesUpTo(TimeSpan.Zero, -1));
}
