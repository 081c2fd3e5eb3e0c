using System.Diagnostics;
using System.Threading.Channels;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// A long-running client (kubectl get -w, kubectl wait, kubemcp cluster up) whose output a test follows line by line,
/// waiting for what it expects instead of sleeping. Killed on dispose if still running.
/// </summary>
internal sealed class StreamingProcess : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Channel<string> _stdout = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _stderr = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];
    private readonly Task _pumps;

    private StreamingProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput, _stdout), PumpAsync(process.StandardError, _stderr));
    }

    public int Id => _process.Id;

    /// <summary>Every line read so far from either stream, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_seen)
            {
                return string.Join('\n', _seen);
            }
        }
    }

    public static StreamingProcess Start(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        return new StreamingProcess(process);
    }

    /// <summary>Reads stdout (or stderr) until a line matches; fails with the transcript if the stream ends or time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, bool stderr = false, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        var reader = (stderr ? _stderr : _stdout).Reader;
        try
        {
            while (await reader.WaitToReadAsync(cts.Token))
            {
                while (reader.TryRead(out var line))
                {
                    if (match(line))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"no matching line within {(timeout ?? DefaultTimeout).TotalSeconds}s; output so far:\n{Transcript}");
        }
        Assert.Fail($"the process ended without a matching line; output:\n{Transcript}");
        return "";
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await _pumps;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"the process did not exit within {(timeout ?? DefaultTimeout).TotalSeconds}s; output so far:\n{Transcript}");
        }
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        await _pumps;
        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader, Channel<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_seen)
            {
                _seen.Add(line);
            }
            lines.Writer.TryWrite(line);
        }
        lines.Writer.TryComplete();
    }
}
