using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>The real helm 3 binary installs, lists, upgrades and uninstalls a local chart on the embedded cluster.</summary>
public sealed class HelmTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static string Chart
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KubeMcp.slnx")))
                {
                    return Path.Combine(dir.FullName, "tests", "KubeMcp.IntegrationTests", "Cluster", "Charts", "hello");
                }
            }
            throw new InvalidOperationException("the repository root (KubeMcp.slnx) was not found above the test binaries");
        }
    }

    private async Task<string> HelmAsync(params string[] args)
    {
        if (Validators.Find("helm") is not { } helm)
        {
            Assert.Skip("helm is not installed; run eng/install-validators.sh");
            return "";
        }
        var home = Path.Combine(fixture.Directory, "helm");
        var environment = new Dictionary<string, string>
        {
            ["HELM_CACHE_HOME"] = Path.Combine(home, "cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(home, "config"),
            ["HELM_DATA_HOME"] = Path.Combine(home, "data"),
        };
        var result = await ProcessRunner.RunAsync(helm, ["--kubeconfig", fixture.KubeconfigPath, .. args], null, TimeSpan.FromSeconds(120), environment);
        Assert.True(result.ExitCode == 0, $"helm {string.Join(' ', args)} exited {result.ExitCode}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
        return result.Stdout;
    }

    [Fact]
    public async Task Helm_InstallsListsUpgradesAndUninstallsALocalChart()
    {
        var installed = await HelmAsync("install", "greeter", Chart, "-n", "charts", "--create-namespace", "--wait", "--timeout", "90s");
        var list = await HelmAsync("list", "-n", "charts");
        var everywhere = await HelmAsync("list", "--all-namespaces");
        var greeting = await fixture.Kubectl.OkAsync("get", "configmap", "greeter-settings", "-n", "charts", "-o", "jsonpath={.data.greeting}");
        var ready = await fixture.Kubectl.OkAsync("get", "deployment", "greeter-web", "-n", "charts", "-o", "jsonpath={.status.readyReplicas}");

        var upgraded = await HelmAsync("upgrade", "greeter", Chart, "-n", "charts", "--set", "greeting=bonjour", "--set", "replicas=2", "--wait", "--timeout", "90s");
        var history = await HelmAsync("history", "greeter", "-n", "charts");
        var newGreeting = await fixture.Kubectl.OkAsync("get", "configmap", "greeter-settings", "-n", "charts", "-o", "jsonpath={.data.greeting}");
        var newReady = await fixture.Kubectl.OkAsync("get", "deployment", "greeter-web", "-n", "charts", "-o", "jsonpath={.status.readyReplicas}");

        var uninstalled = await HelmAsync("uninstall", "greeter", "-n", "charts", "--wait");
        var after = await HelmAsync("list", "-n", "charts", "--all");
        var left = await fixture.Kubectl.OkAsync("get", "deployments,services,configmaps,secrets", "-n", "charts", "-l", "app.kubernetes.io/instance=greeter", "-o", "name");

        Assert.Contains("STATUS: deployed", installed);
        Assert.Matches(@"(?m)^greeter\s+charts\s+1\s+.+\s+deployed\s+hello-0\.1\.0\s+1\.27\s*$", list);
        Assert.Matches(@"(?m)^greeter\s+charts\s+1\s", everywhere);
        Assert.Equal("hello", greeting);
        Assert.Equal("1", ready);
        Assert.Contains("has been upgraded", upgraded);
        Assert.Matches(@"(?m)^1\s+.+\s+superseded\s+hello-0\.1\.0\s+1\.27\s+Install complete", history);
        Assert.Matches(@"(?m)^2\s+.+\s+deployed\s+hello-0\.1\.0\s+1\.27\s+Upgrade complete", history);
        Assert.Equal("bonjour", newGreeting);
        Assert.Equal("2", newReady);
        Assert.Contains("release \"greeter\" uninstalled", uninstalled);
        Assert.DoesNotContain("greeter", after);
        Assert.Equal("", left.Trim());
    }
}
