using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>The read-write manifests: installed, and the ServiceAccount may now change workloads, but still not read Secrets.</summary>
public sealed class ReadWriteManifestTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task ReadWriteManifests_Install_AndLetTheServiceAccountDeletePodsButNotReadSecrets()
    {
        var available = await PlainManifests.InstallAsync(fixture, "kubemcp-read-write.yaml");

        Assert.Equal("True", available);
        Assert.Equal("yes", await PlainManifests.CanIAsync(fixture, "delete", "pods"));
        Assert.Equal("yes", await PlainManifests.CanIAsync(fixture, "create", "pods/exec"));
        Assert.Equal("yes", await PlainManifests.CanIAsync(fixture, "patch", "deployments.apps", ns: "kube-system"));
        Assert.Equal("no", await PlainManifests.CanIAsync(fixture, "get", "secrets"));
        Assert.Equal("no", await PlainManifests.CanIAsync(fixture, "delete", "nodes", ns: null));
    }
}
