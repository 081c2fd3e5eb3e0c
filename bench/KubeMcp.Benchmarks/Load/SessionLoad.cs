using System.Collections.Concurrent;
using System.Diagnostics;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.Benchmarks.Load;

/// <summary>
/// N concurrent MCP sessions (the official C# client over Streamable HTTP), each calling tools back to back until
/// the time is up. Any MCP server works: ours in-process, ours or the Go server as a separate process.
/// </summary>
internal static class SessionLoad
{
    /// <summary>What one phase measured: latencies by tool, unexpected failures, isError results, the peak working set of this process.</summary>
    public sealed record Result(
        ConcurrentDictionary<string, ConcurrentBag<double>> Latencies, ConcurrentBag<string> Unexpected, long ToolErrors, long PeakWorkingSet)
    {
        public int Calls => Latencies.Values.Sum(b => b.Count);
    }

    /// <summary>A session at a protocol version every server under test speaks (the Go server 0.0.67 knows up to 2025-06-18).</summary>
    public static Task<McpClient> ConnectAsync(Uri endpoint) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = endpoint }),
            new McpClientOptions { ProtocolVersion = "2025-06-18" });

    /// <summary>
    /// Runs <paramref name="sessionCount"/> sessions for <paramref name="duration"/>; session <c>s</c> makes its
    /// <c>i</c>-th call (counting from <c>s</c>) with <paramref name="call"/>(i). Sessions are connected before the clock starts.
    /// </summary>
    public static async Task<Result> RunAsync(Uri endpoint, int sessionCount, TimeSpan duration,
        Func<int, (string Tool, Dictionary<string, object?> Args)> call)
    {
        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>();
        var unexpected = new ConcurrentBag<string>();
        long toolErrors = 0;
        var clients = await Task.WhenAll(Enumerable.Range(0, sessionCount).Select(_ => ConnectAsync(endpoint)));
        using var stop = new CancellationTokenSource(duration);
        var sessions = Enumerable.Range(0, sessionCount).Select(s => Task.Run(async () =>
        {
            try
            {
                await using var client = clients[s];
                for (var i = s; !stop.IsCancellationRequested; i++)
                {
                    var (tool, args) = call(i);
                    var started = Stopwatch.GetTimestamp();
                    CallToolResult result;
                    try
                    {
                        result = await client.CallToolAsync(tool, args);
                    }
                    catch (Exception e)
                    {
                        unexpected.Add($"{tool}: {e.GetType().Name}: {e.Message}");
                        continue;
                    }
                    latencies.GetOrAdd(tool, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (result.IsError == true)
                    {
                        Interlocked.Increment(ref toolErrors);
                        unexpected.Add($"{tool}: isError: {string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text))}");
                    }
                }
            }
            catch (Exception e)
            {
                unexpected.Add($"session {s}: {e.GetType().Name}: {e.Message}");
            }
        })).ToArray();
        var peakWorkingSet = 0L;
        while (!Task.WhenAll(sessions).IsCompleted)
        {
            peakWorkingSet = Math.Max(peakWorkingSet, Process.GetCurrentProcess().WorkingSet64);
            await Task.WhenAny(Task.WhenAll(sessions), Task.Delay(1000));
        }
        return new Result(latencies, unexpected, toolErrors, peakWorkingSet);
    }
}
