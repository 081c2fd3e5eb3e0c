using System.Diagnostics;

namespace KubeMcp.IntegrationTests.Infrastructure;

/// <summary>Runs the real kubectl against a test cluster, with its own discovery cache so tests don't share state.</summary>
public sealed class Kubectl(string kubeconfig, string workDirectory)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Task<ProcessResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    public async Task<ProcessResult> RunWithInputAsync(string? stdin, params string[] args)
    {
        var all = new List<string> { "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(workDirectory, "kube-cache") };
        all.AddRange(args);
        return await ProcessRunner.RunAsync("kubectl", all, stdin, Timeout);
    }

    /// <summary>Runs kubectl and fails the test with kubectl's own output when it exits non-zero.</summary>
    public async Task<string> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
        return result.Stdout;
    }

    public async Task<string> ApplyAsync(string yaml, params string[] extra)
    {
        var result = await RunWithInputAsync(yaml, ["apply", "-f", "-", .. extra]);
        Assert.True(result.ExitCode == 0, $"kubectl apply exited {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
        return result.Stdout;
    }
}
