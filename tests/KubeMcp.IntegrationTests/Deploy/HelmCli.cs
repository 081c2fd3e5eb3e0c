using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>The pinned helm binary from eng/install-validators.sh, run against the chart in deploy/helm/kubemcp.</summary>
public static class HelmCli
{
    public static readonly string Chart = RepositoryRoot.Combine("deploy", "helm", "kubemcp");

    public static string ValuesFile(string name) => Path.Combine(Chart, "ci", name);

    /// <summary>The helm path, or skips the test when the validators are not installed.</summary>
    public static string Require()
    {
        var helm = Validators.Find("helm");
        if (helm is null)
        {
            Assert.Skip("helm is not installed; run eng/install-validators.sh");
        }
        return helm;
    }

    public static async Task<ProcessResult> RunAsync(params string[] args) =>
        await ProcessRunner.RunAsync(Require(), args, null, TimeSpan.FromMinutes(2));

    /// <summary><c>helm template kubemcp CHART --namespace kubemcp [args]</c>; fails the test when helm does.</summary>
    public static async Task<string> TemplateAsync(params string[] args)
    {
        var result = await RunAsync(["template", "kubemcp", Chart, "--namespace", "kubemcp", .. args]);
        Assert.True(result.ExitCode == 0, $"helm template {string.Join(' ', args)} exited {result.ExitCode}\n{result.Stderr}");
        return result.Stdout;
    }
}
