using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// k8s-bench-shaped checks of the simulation: a setup produces a broken state, a kubectl-based verifier detects it, a
/// correct kubectl fix makes the verifier pass — as the same steps would on a real cluster.
/// </summary>
public sealed class BrokenStateTests : IAsyncLifetime
{
    private readonly VirtualClockCluster _cluster = new();

    public ValueTask InitializeAsync() => _cluster.InitializeAsync();

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task ImagePullBackOff_IsFixedBySettingAnExistingTag()
    {
        await Setup("web", "nginx:1.25-alpinee", "");
        Assert.True(await Eventually(() => WaitingReasonIs("web", "ImagePullBackOff", "ErrImagePull")));
        Assert.False(await AllRunningAndReady("web"));

        await _cluster.Kubectl.OkAsync("set", "image", "deployment/web", "app=nginx:1.27");

        Assert.True(await Eventually(() => AllRunningAndReady("web")));
    }

    [Fact]
    public async Task CrashLoopBackOff_FromAMissingSetting_IsFixedBySettingIt()
    {
        await Setup("worker", "busybox:1.36",
            """
                    command: ["sh", "-c", "if [ -z \"$DATABASE_URL\" ]; then echo 'Error: DATABASE_URL is not set' >&2; exit 1; fi; echo connected; while true; do sleep 30; done"]
            """);
        Assert.True(await Eventually(() => WaitingReasonIs("worker", "CrashLoopBackOff")));
        var logs = await _cluster.Kubectl.OkAsync("get", "pods", "-l", "app=worker", "-o", "jsonpath={.items[0].status.containerStatuses[0].lastState.terminated.exitCode}");
        Assert.Equal("1", logs);

        await _cluster.Kubectl.OkAsync("set", "env", "deployment/worker", "DATABASE_URL=postgres://db:5432/orders");

        Assert.True(await Eventually(() => AllRunningAndReady("worker")));
    }

    [Fact]
    public async Task OomKilled_IsFixedByRaisingTheMemoryLimit()
    {
        await Setup("hog", "polinux/stress",
            """
                    command: ["stress"]
                    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
                    resources:
                      limits: {memory: 100Mi}
            """);
        Assert.True(await Eventually(async () =>
            (await _cluster.Kubectl.OkAsync("get", "pods", "-l", "app=hog", "-o", "jsonpath={.items[*].status.containerStatuses[*].lastState.terminated.reason}")).Contains("OOMKilled")));

        await _cluster.Kubectl.OkAsync("set", "resources", "deployment/hog", "--limits=memory=512Mi");

        Assert.True(await Eventually(() => AllRunningAndReady("hog")));
    }

    [Fact]
    public async Task PendingForCapacity_IsFixedByRequestingWhatFits()
    {
        await Setup("big", "nginx:1.27",
            """
                    resources:
                      requests: {cpu: "16"}
            """);
        Assert.True(await Eventually(async () =>
            (await _cluster.Kubectl.OkAsync("get", "events", "--field-selector", "reason=FailedScheduling", "-o", "jsonpath={.items[*].message}")).Contains("Insufficient cpu")));
        Assert.Contains("Pending", await _cluster.Kubectl.OkAsync("get", "pods", "-l", "app=big", "-o", "jsonpath={.items[*].status.phase}"));

        await _cluster.Kubectl.OkAsync("set", "resources", "deployment/big", "--requests=cpu=100m");

        Assert.True(await Eventually(() => AllRunningAndReady("big")));
    }

    [Fact]
    public async Task MissingConfigMap_IsFixedByCreatingIt()
    {
        await Setup("checkout", "nginx:1.27",
            """
                    envFrom:
                    - configMapRef: {name: checkout-config}
            """);
        Assert.True(await Eventually(() => WaitingReasonIs("checkout", "CreateContainerConfigError")));

        await _cluster.Kubectl.OkAsync("create", "configmap", "checkout-config", "--from-literal=MODE=live");

        Assert.True(await Eventually(() => AllRunningAndReady("checkout")));
    }

    [Fact]
    public async Task BadRollout_IsFixedByRollingBack()
    {
        await Setup("api", "nginx:1.27", "");
        Assert.True(await Eventually(() => AllRunningAndReady("api")));
        await _cluster.Kubectl.OkAsync("set", "image", "deployment/api", "app=nginx:9.99-missing");
        Assert.True(await Eventually(() => WaitingReasonIs("api", "ImagePullBackOff", "ErrImagePull")));

        await _cluster.Kubectl.OkAsync("rollout", "undo", "deployment/api");

        Assert.True(await Eventually(async () => await AllRunningAndReady("api")
            && (await _cluster.Kubectl.OkAsync("get", "pods", "-l", "app=api", "-o", "jsonpath={.items[*].spec.containers[0].image}")).Split(' ').All(i => i == "nginx:1.27")));
    }

    private Task<bool> Eventually(Func<Task<bool>> condition) =>
        _cluster.AdvanceUntilAsync(condition, TimeSpan.FromSeconds(5));

    private async Task Setup(string app, string image, string containerExtra)
    {
        var yaml = $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {app}
              namespace: default
            spec:
              replicas: 2
              selector:
                matchLabels: {"{"}app: {app}{"}"}
              template:
                metadata:
                  labels: {"{"}app: {app}{"}"}
                spec:
                  containers:
                  - name: app
                    image: {image}
            {containerExtra}
            """;
        await _cluster.Kubectl.ApplyAsync(yaml);
    }

    private async Task<bool> WaitingReasonIs(string app, params string[] reasons)
    {
        var output = await _cluster.Kubectl.OkAsync("get", "pods", "-l", $"app={app}", "-o", "jsonpath={.items[*].status.containerStatuses[*].state.waiting.reason}");
        return reasons.Any(output.Contains);
    }

    private async Task<bool> AllRunningAndReady(string app)
    {
        var output = await _cluster.Kubectl.OkAsync("get", "deployment", app, "-o", "jsonpath={.status.readyReplicas}/{.status.replicas}/{.status.updatedReplicas}/{.spec.replicas}");
        var parts = output.Split('/');
        var pods = await _cluster.Kubectl.OkAsync("get", "pods", "-l", $"app={app}", "-o", "jsonpath={.items[*].status.phase}");
        return parts.Length == 4 && parts.All(p => p == parts[3]) && pods.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(p => p == "Running");
    }
}
