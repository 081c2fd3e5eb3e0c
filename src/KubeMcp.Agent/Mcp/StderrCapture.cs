namespace KubeMcp.Agent.Mcp;

/// <summary>The last lines a stdio server wrote to stderr, kept to explain why it stopped.</summary>
/// <remarks>
/// A server that exits at once can be noticed (its stdout closes) before its stderr has been read; the wait lets the
/// explanation catch up with the exit, and costs nothing when the lines are already there.
/// </remarks>
internal sealed class StderrCapture
{
    private const int MaxLines = 10;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Add(string line)
    {
        lock (_lines)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }

        _firstLine.TrySetResult();
    }

    /// <summary>The captured lines, after waiting up to <paramref name="grace"/> for a first one.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(TimeSpan grace)
    {
        await Task.WhenAny(_firstLine.Task, Task.Delay(grace)).ConfigureAwait(false);
        lock (_lines)
        {
            return [.. _lines];
        }
    }
}
