using System.Diagnostics;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>A server process started from an <see cref="OciImage"/>; disposing kills it and everything it started.</summary>
public sealed class RunningContainer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private Task<string>? _stdout;

    public RunningContainer(Process process)
    {
        _process = process;
        // Drained from the start so a chatty server never blocks on a full pipe.
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The server's base URL (http://host:port), known once it serves.</summary>
    public string Url { get; private set; } = "";

    internal void Serving(string url)
    {
        Url = url;
        _stdout = _process.StandardOutput.ReadToEndAsync();
    }

    internal Task<string> StderrAsync() => _stderr;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        await _stderr;
        if (_stdout is not null)
        {
            await _stdout;
        }
        _process.Dispose();
    }
}
