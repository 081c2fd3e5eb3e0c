using System.Text;

namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>Turns written text into timestamped log lines, the way the runtime's log driver splits output into lines.</summary>
internal sealed class LogCollector : IProcessOutput
{
    private readonly List<LogLine> lines = [];
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    public int Count => lines.Count;

    public void Write(LogStreamKind stream, string text, TimeSpan at)
    {
        var buffer = stream == LogStreamKind.Stdout ? stdout : stderr;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines.Add(new LogLine(at, buffer.ToString(), stream));
                buffer.Clear();
            }
            else
            {
                buffer.Append(c);
            }
        }
    }

    public void Flush(TimeSpan at)
    {
        if (stdout.Length > 0)
        {
            lines.Add(new LogLine(at, stdout.ToString(), LogStreamKind.Stdout));
            stdout.Clear();
        }
        if (stderr.Length > 0)
        {
            lines.Add(new LogLine(at, stderr.ToString(), LogStreamKind.Stderr));
            stderr.Clear();
        }
    }

    /// <summary>Takes the lines collected so far (ordered by time), leaving the collector empty.</summary>
    public IReadOnlyList<LogLine> Drain()
    {
        var drained = Lines();
        lines.Clear();
        return drained;
    }

    /// <summary>The lines ordered by time (background jobs may have written out of order); equal times keep their order.</summary>
    public IReadOnlyList<LogLine> Lines() => [.. lines.OrderBy(l => l.Offset)];
}
