using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>The default (read-only) manifests: up to date, accepted by a server-side dry run, installed, least privilege.</summary>
public sealed class ReadOnlyManifestTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Manifests_MatchWhatTheRenderScriptProducesFromTheChart()
    {
        var helm = HelmCli.Require();
        var output = Directory.CreateTempSubdirectory("kubemcp-manifests-").FullName;
        try
        {
            var result = await ProcessRunner.RunAsync("bash", [RepositoryRoot.Combine("deploy", "render-manifests.sh"), output], null,
                TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["HELM"] = helm });

            Assert.True(result.ExitCode == 0, result.Stderr);
            foreach (var name in (string[])["kubemcp.yaml", "kubemcp-read-write.yaml"])
            {
                var expected = await File.ReadAllTextAsync(Path.Combine(output, name), Ct);
                var committed = await File.ReadAllTextAsync(PlainManifests.File(name), Ct);
                Assert.True(expected == committed, $"deploy/manifests/{name} is stale: run deploy/render-manifests.sh and commit the result");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Manifests_PassAServerSideDryRun_ThenInstallAndBecomeAvailable_WithAReadOnlyServiceAccount()
    {
        // As on a real API server, a dry run cannot create the objects' namespace for them: it must exist first.
        await fixture.Kubectl.OkAsync("create", "namespace", PlainManifests.Namespace);
        var dryRun = await fixture.Kubectl.OkAsync("apply", "--dry-run=server", "-f", PlainManifests.File("kubemcp.yaml"));
        var afterDryRun = await fixture.Kubectl.RunAsync("get", "deployment", "kubemcp", "-n", PlainManifests.Namespace);

        var available = await PlainManifests.InstallAsync(fixture, "kubemcp.yaml");

        Assert.Contains("deployment.apps/kubemcp created (server dry run)", dryRun);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/kubemcp created (server dry run)", dryRun);
        Assert.NotEqual(0, afterDryRun.ExitCode);
        Assert.Equal("True", available);
        var pods = await fixture.Kubectl.OkAsync("get", "pods", "-n", PlainManifests.Namespace, "-l", "app.kubernetes.io/name=kubemcp",
            "-o", "jsonpath={.items[*].status.phase}");
        Assert.Equal("Running", pods.Trim());
        Assert.Equal("yes", await PlainManifests.CanIAsync(fixture, "list", "pods", ns: null));
        Assert.Equal("yes", await PlainManifests.CanIAsync(fixture, "get", "pods/log"));
        Assert.Equal("yes", await PlainManifests.CanIAsync(fixture, "watch", "deployments.apps"));
        Assert.Equal("no", await PlainManifests.CanIAsync(fixture, "delete", "pods"));
        Assert.Equal("no", await PlainManifests.CanIAsync(fixture, "create", "pods/exec"));
        Assert.Equal("no", await PlainManifests.CanIAsync(fixture, "patch", "deployments.apps"));
        Assert.Equal("no", await PlainManifests.CanIAsync(fixture, "get", "secrets"));
    }
}
