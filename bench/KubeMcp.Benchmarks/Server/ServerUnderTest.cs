using System.Diagnostics;
using System.Globalization;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.Benchmarks.Server;

/// <summary>
/// One MCP server as its own process: how to start it over Streamable HTTP and over stdio. Ours is
/// <c>dotnet kubemcp.dll serve</c>, a published <c>kubemcp serve</c> or the native <c>kubemcp-server</c>; the Go server is
/// kubernetes-mcp-server.
/// </summary>
internal sealed record ServerUnderTest(string Name, Func<int, ProcessStartInfo> Http, ProcessStartInfo Stdio)
{
    /// <summary>
    /// Ours, all limits off (the Go server has none), destructive tools allowed (nobody answers approvals here);
    /// <paramref name="command"/> is what comes before the options (<c>kubemcp.dll serve</c>, <c>serve</c>, or nothing).
    /// </summary>
    public static ServerUnderTest Ours(string name, string fileName, IReadOnlyList<string> command, string kubeconfig, string policy, string? helm)
    {
        List<string> common = ["--kubeconfig", kubeconfig, "--policy", policy, "--rate-limit-session", "0", "--rate-limit-global", "0"];
        if (helm is not null)
        {
            // The Go server has helm built in; ours runs the binary.
            common.AddRange(["--helm", helm]);
        }
        return new ServerUnderTest(
            name,
            port => Start(fileName, [.. command, .. common, "--port", Str(port)]),
            Start(fileName, [.. command, .. common, "--stdio"]));
    }

    /// <summary>The Go server with client-side throttling raised, as the other benchmarks and the integration tests run it.</summary>
    public static ServerUnderTest Go(string binary, string kubeconfig)
    {
        string[] common = ["--kubeconfig", kubeconfig, "--toolsets", "core,config,helm"];
        return new ServerUnderTest(
            "kubernetes-mcp-server 0.0.67 (Go)",
            port => WithQps(Start(binary, [.. common, "--port", Str(port), "--bind-address", "127.0.0.1"])),
            WithQps(Start(binary, common)));
    }

    /// <summary>Starts the HTTP server and waits until an MCP session can be opened.</summary>
    public async Task<RunningServer> StartHttpAsync()
    {
        var port = LocalPorts.Free();
        var process = Process.Start(Http(port)) ?? throw new InvalidOperationException($"could not start {Name}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new RunningServer(process, new Uri($"http://127.0.0.1:{port}/mcp"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = running.Endpoint, Timeout = TimeSpan.FromSeconds(10) });
                return running;
            }
            catch (McpClientException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                await running.DisposeAsync();
                throw;
            }
        }
    }

    private static ProcessStartInfo WithQps(ProcessStartInfo psi)
    {
        psi.Environment["KUBE_CLIENT_QPS"] = "1000";
        psi.Environment["KUBE_CLIENT_BURST"] = "2000";
        return psi;
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        return psi;
    }

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);
}
