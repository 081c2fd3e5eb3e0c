using System.Diagnostics;

namespace KubeMcp.Benchmarks.Server;

/// <summary>A server process serving MCP at <see cref="Endpoint"/>; disposing kills it.</summary>
internal sealed class RunningServer(Process process, Uri endpoint) : IAsyncDisposable
{
    public Uri Endpoint { get; } = endpoint;

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
