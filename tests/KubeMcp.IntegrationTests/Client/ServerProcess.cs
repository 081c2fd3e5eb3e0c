using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>A third-party MCP server run as a child process on a free loopback port, killed on dispose.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Starts <paramref name="binary"/> and waits until an MCP client can initialize a session with it.</summary>
    public static async Task<ServerProcess> StartAsync(string binary, Func<int, IEnumerable<string>> args, string path,
        IReadOnlyDictionary<string, string>? environment = null, Func<int, IReadOnlyDictionary<string, string>>? portEnvironment = null)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args(port))
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in (environment ?? new Dictionary<string, string>()).Concat(portEnvironment?.Invoke(port) ?? new Dictionary<string, string>()))
        {
            psi.Environment[k] = v;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {binary}");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}{path}"));
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilReadyAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = Endpoint, Timeout = TimeSpan.FromSeconds(10) });
                return;
            }
            catch (McpClientException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                // Still starting: polling the port is the only readiness signal these servers give.
                await Task.Delay(100);
            }
            catch (McpClientException ex)
            {
                string output;
                lock (_output)
                {
                    output = string.Join('\n', _output);
                }

                throw new InvalidOperationException($"{_process.StartInfo.FileName} did not become ready at {Endpoint}: {ex.Message}\n{output}", ex);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
