using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>Runs the real <c>kubemcp</c> CLI (the kubemcp.dll built next to the tests) as a separate process.</summary>
public static class KubemcpCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "kubemcp.dll");

    public static Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync("dotnet", [Dll, .. args], stdin: null, Timeout);

    /// <summary>Runs it and fails the test with the CLI's own output unless it exits 0.</summary>
    public static async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubemcp {string.Join(' ', args)} exited {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
        return result.Stdout;
    }
}
