using System.Diagnostics;

namespace KubeMcp.Benchmarks.Server;

/// <summary>A server process serving MCP at <see cref="Endpoint"/>; disposing kills it.</summary>
internal sealed class RunningServer(Process process, Uri endpoint) : IAsyncDisposable
{
    public Uri Endpoint { get; } = endpoint;

    /// <summary>CPU time the server process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
