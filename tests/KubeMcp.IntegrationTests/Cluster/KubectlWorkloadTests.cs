using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// Workloads through kubectl: scale, wait for conditions and deletion, and delete with each cascade mode (the garbage
/// collector removes a Deployment's ReplicaSets and Pods unless they are orphaned).
/// </summary>
public sealed class KubectlWorkloadTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    private static string[] Names(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private async Task DeployAsync(string ns, string name, int replicas)
    {
        await Kubectl.OkAsync("create", "deployment", name, "--image=nginx:1.27", $"--replicas={replicas}", "-n", ns);
        await Kubectl.OkAsync("wait", "--for=condition=Available", $"deployment/{name}", "-n", ns, "--timeout=60s");
    }

    private Task<string> OwnedAsync(string ns, string app) =>
        Kubectl.OkAsync("get", "replicasets,pods", "-n", ns, "-l", $"app={app}", "-o", "name");

    [Theory]
    [InlineData("background")]
    [InlineData("foreground")]
    public async Task DeleteDeployment_CollectsItsReplicaSetsAndPods(string cascade)
    {
        var ns = $"cascade-{cascade}";
        await Kubectl.OkAsync("create", "namespace", ns);
        await DeployAsync(ns, "web", 2);
        Assert.Equal(3, Names(await OwnedAsync(ns, "web")).Length);

        var deleted = await Kubectl.OkAsync("delete", "deployment", "web", "-n", ns, $"--cascade={cascade}");
        await Kubectl.OkAsync("wait", "--for=delete", "pods", "-l", "app=web", "-n", ns, "--timeout=60s");

        Assert.Equal("deployment.apps \"web\" deleted", deleted.Trim());
        Assert.Empty(Names(await OwnedAsync(ns, "web")));
    }

    [Fact]
    public async Task DeleteDeployment_WithCascadeOrphan_LeavesItsReplicaSetAndPodsUnowned()
    {
        await Kubectl.OkAsync("create", "namespace", "orphans");
        await DeployAsync("orphans", "web", 1);

        await Kubectl.OkAsync("delete", "deployment", "web", "-n", "orphans", "--cascade=orphan");

        var owned = Names(await OwnedAsync("orphans", "web"));
        Assert.Equal(2, owned.Length);
        var owners = await Kubectl.OkAsync("get", "replicasets", "-n", "orphans", "-l", "app=web", "-o", "jsonpath={.items[*].metadata.ownerReferences}");
        Assert.Equal("", owners.Trim());
        Assert.Contains(owned, n => n.StartsWith("pod/web-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scale_ChangesReplicas_AndHonoursTheCurrentReplicasPrecondition()
    {
        await Kubectl.OkAsync("create", "namespace", "scaled");
        await DeployAsync("scaled", "web", 1);

        var scaled = await Kubectl.OkAsync("scale", "deployment", "web", "-n", "scaled", "--replicas=3");
        await Kubectl.OkAsync("wait", "--for=jsonpath={.status.readyReplicas}=3", "deployment/web", "-n", "scaled", "--timeout=60s");
        var stale = await Kubectl.RunAsync("scale", "deployment", "web", "-n", "scaled", "--current-replicas=2", "--replicas=1");
        var running = await Kubectl.OkAsync("get", "pods", "-n", "scaled", "--field-selector=status.phase=Running", "-o", "name");

        Assert.Equal("deployment.apps/web scaled", scaled.Trim());
        Assert.Equal(3, Names(running).Length);
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("Expected replicas to be 2, was 3", stale.Stderr);
    }

    [Fact]
    public async Task ScaleSubresource_OnlyAResourceVersionTheClientSentIsAPrecondition()
    {
        await Kubectl.OkAsync("create", "namespace", "scale-rv");
        await DeployAsync("scale-rv", "web", 0);
        var seen = (await Kubectl.OkAsync("get", "deployment", "web", "-n", "scale-rv", "-o", "jsonpath={.metadata.resourceVersion}")).Trim();
        await Kubectl.OkAsync("label", "deployment", "web", "-n", "scale-rv", "touched=yes");

        var stale = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "scale-rv", "--subresource=scale", "--type=merge",
            "-p", $$$"""{"metadata":{"resourceVersion":"{{{seen}}}"},"spec":{"replicas":2}}""");
        var unconditional = await Kubectl.RunAsync("patch", "deployment", "web", "-n", "scale-rv", "--subresource=scale", "--type=merge",
            "-p", """{"spec":{"replicas":2}}""");
        var replicas = await Kubectl.OkAsync("get", "deployment", "web", "-n", "scale-rv", "-o", "jsonpath={.spec.replicas}");

        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("the object has been modified", stale.Stderr);
        Assert.True(unconditional.ExitCode == 0, unconditional.Stderr);
        Assert.Equal("2", replicas.Trim());
    }

    [Fact]
    public async Task WaitForDelete_ReturnsOnceAFinalizedObjectIsGone()
    {
        await Kubectl.OkAsync("create", "namespace", "waiting");
        await Kubectl.ApplyAsync("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: held
              namespace: waiting
              finalizers: ["example.com/hold"]
            """);
        await Kubectl.OkAsync("delete", "configmap", "held", "-n", "waiting", "--wait=false");
        await using var wait = StreamingProcess.Start("kubectl",
            ["--kubeconfig", fixture.KubeconfigPath, "--cache-dir", Path.Combine(fixture.Directory, "wait-cache"),
             "wait", "--for=delete", "configmap/held", "-n", "waiting", "--timeout=60s", "-v=6"]);

        // The object is still there (its finalizer holds it) until kubectl is watching for its deletion.
        await wait.WaitForLineAsync(l => l.Contains("watch=true", StringComparison.Ordinal), stderr: true);
        await Kubectl.OkAsync("patch", "configmap", "held", "-n", "waiting", "--type=json", "-p", """[{"op":"remove","path":"/metadata/finalizers"}]""");
        var exit = await wait.WaitForExitAsync();

        Assert.Equal(0, exit);
        Assert.Contains("configmap/held condition met", wait.Transcript);
    }
}
