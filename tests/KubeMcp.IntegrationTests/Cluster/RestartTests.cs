using k8s;
using k8s.Models;
using KubeMcp.Cluster;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>A cluster started on a data directory keeps its objects, resourceVersions, certificate and token across restarts.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kubemcp-restart-").FullName;

    private string Data => Path.Combine(_directory, "data");

    private string KubeconfigPath => Path.Combine(_directory, "kubeconfig");

    private Kubectl Kubectl => new(KubeconfigPath, _directory);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Restart_KeepsObjectsVersionsAndCredentials()
    {
        var ct = TestContext.Current.CancellationToken;
        int port;
        string configMapVersion;
        string token;
        await using (var first = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { DataDirectory = Data }, ct))
        {
            port = first.Url.Port;
            token = first.AdminToken;
            first.WriteKubeconfig(KubeconfigPath);
            await Kubectl.OkAsync("create", "namespace", "durable");
            await Kubectl.OkAsync("create", "configmap", "settings", "--from-literal=mode=fast", "-n", "durable");
            await Kubectl.OkAsync("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "-n", "durable");
            await Kubectl.OkAsync("wait", "--for=condition=Available", "deployment/web", "-n", "durable", "--timeout=60s");
            configMapVersion = (await Kubectl.OkAsync("get", "configmap", "settings", "-n", "durable", "-o", "jsonpath={.metadata.resourceVersion}")).Trim();
        }

        await using var second = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { DataDirectory = Data, Port = port }, ct);

        // The kubeconfig written before the restart still works: same certificate, same token.
        Assert.Equal(token, second.AdminToken);
        var mode = await Kubectl.OkAsync("get", "configmap", "settings", "-n", "durable", "-o", "jsonpath={.data.mode} {.metadata.resourceVersion}");
        Assert.Equal($"fast {configMapVersion}", mode.Trim());
        Assert.Equal("2", (await Kubectl.OkAsync("get", "deployment", "web", "-n", "durable", "-o", "jsonpath={.spec.replicas}")).Trim());
        Assert.Equal(2, (await Kubectl.OkAsync("get", "pods", "-n", "durable", "-l", "app=web", "-o", "name")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var created = await Kubectl.OkAsync("create", "configmap", "later", "-n", "durable", "-o", "jsonpath={.metadata.resourceVersion}");
        Assert.True(long.Parse(created.Trim(), System.Globalization.CultureInfo.InvariantCulture) > long.Parse(configMapVersion, System.Globalization.CultureInfo.InvariantCulture),
            $"resourceVersion {created} after the restart is not above {configMapVersion} from before it");

        // Changes made before the restart are not in the watch history any more: such a watch must re-list.
        using var client = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(KubeconfigPath));
        var errors = new List<Exception>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var watch = client.CoreV1.WatchListNamespacedConfigMapAsync("durable", resourceVersion: configMapVersion, onError: errors.Add,
            cancellationToken: timeout.Token);
        await foreach (var _ in watch)
        {
            Assert.Fail("a watch from before the restart must not replay events");
        }
        Assert.Equal(410, Assert.IsType<KubernetesException>(Assert.Single(errors)).Status.Code);
    }
}
