using System.Diagnostics;
using System.Text.Json.Nodes;

namespace KubeMcp.Benchmarks.Server;

/// <summary>
/// Cold start over stdio: from <see cref="Process.Start()"/> to the answer to <c>tools/list</c> (initialize,
/// initialized, tools/list written at once; JSON-RPC lines read until the answer with the tools/list id arrives).
/// </summary>
internal static class StdioColdStart
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"kubemcp-bench","version":"1"}}}""";
    private const string Initialized = """{"jsonrpc":"2.0","method":"notifications/initialized"}""";
    private const string ListTools = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    /// <summary>Times of <paramref name="runs"/> fresh processes, after one unmeasured run that warms the disk cache.</summary>
    public static async Task<List<double>> MeasureAsync(ProcessStartInfo start, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i <= runs; i++)
        {
            var elapsed = await OnceAsync(start);
            if (i > 0)
            {
                times.Add(elapsed);
            }
        }
        return times;
    }

    private static async Task<double> OnceAsync(ProcessStartInfo start)
    {
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            // Requests may be sent before the server reads them; the pipe holds them, as a client would.
            process.StandardInput.NewLine = "\n";
            await process.StandardInput.WriteLineAsync(Initialize);
            await process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var initialized = false;
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"{start.FileName} closed stdout before answering tools/list: {await errors}");
                var id = (JsonNode.Parse(line) as JsonObject)?["id"]?.GetValue<int>();
                if (id == 1 && !initialized)
                {
                    initialized = true;
                    await process.StandardInput.WriteLineAsync(Initialized);
                    await process.StandardInput.WriteLineAsync(ListTools);
                    await process.StandardInput.FlushAsync();
                }
                else if (id == 2)
                {
                    if (!line.Contains("\"tools\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"tools/list failed: {line}");
                    }
                    return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            await process.WaitForExitAsync();
        }
    }
}
