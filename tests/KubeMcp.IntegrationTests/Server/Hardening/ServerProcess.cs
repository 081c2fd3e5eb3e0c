using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>A real <c>kubemcp serve</c> (or <c>kubemcp-server</c>) process on a free port; the test may kill it at any moment.</summary>
public sealed partial class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri Endpoint => new(BaseAddress, "/mcp");

    public static Task<ServerProcess> StartAsync(params string[] args) =>
        StartAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "kubemcp.dll"), "serve"], args);

    /// <summary>Starts <paramref name="command"/> (the server's command line without options), then <c>--port 0</c> and <paramref name="args"/>.</summary>
    public static async Task<ServerProcess> StartAsync(string fileName, IEnumerable<string> command, params string[] args)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in command)
        {
            psi.ArgumentList.Add(word);
        }
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add("0");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {fileName}");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{fileName} did not start in time; stderr: {stderr}");
            }
            if (line is null)
            {
                throw new InvalidOperationException($"{fileName} exited with {(process.WaitForExit(5000) ? process.ExitCode : -1)}; stderr: {stderr}");
            }
            if (ServingLine().Match(line) is { Success: true } m)
            {
                return new ServerProcess(process, new Uri(m.Groups[1].Value));
            }
        }
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"serving MCP at (https?://[^/\s]+)/mcp")]
    private static partial Regex ServingLine();
}
