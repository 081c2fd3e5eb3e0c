using k8s;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>
/// Tools that reach through the API server to a kubelet (logs, exec, node proxy, metrics), against pods the
/// embedded cluster's simulated kubelets run.
/// </summary>
public sealed class KubeletToolsTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private const string Node = "kubemcp-worker";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PodsLog_ReturnsAtMostTheTailRequested()
    {
        await RunningPodAsync("logs", "talker");
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("pods_log", new { name = "talker", @namespace = "logs", tail = 3 });

        Assert.Equal(3, text.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task PodsExec_ReturnsCommandOutput()
    {
        await RunningPodAsync("exec", "shell");
        await using var client = await server.ConnectAsync(Ct);

        var echoed = await client.OkAsync("pods_exec", new { name = "shell", @namespace = "exec", command = new[] { "echo", "hello" } });
        var failed = await client.OkAsync("pods_exec", new { name = "shell", @namespace = "exec", command = new[] { "sh", "-c", "echo oops >&2; exit 2" } });

        Assert.Equal("hello\n", echoed);
        Assert.Equal("[stderr]\noops\n[exit code 2]\n", failed);
    }

    [Fact]
    public async Task PodsTopAndNodesTop_ShowSimulatedUsage()
    {
        await RunningPodAsync("top", "busy");
        await using var client = await server.ConnectAsync(Ct);

        var pods = await client.OkAsync("pods_top", new { @namespace = "top" });
        var nodes = await client.OkAsync("nodes_top");

        Assert.Contains(pods.Split('\n'), l => l.StartsWith("busy ", StringComparison.Ordinal));
        Assert.Contains(nodes.Split('\n'), l => l.StartsWith(Node + " ", StringComparison.Ordinal));
        Assert.Contains("CPU(%)", nodes);
    }

    [Fact]
    public async Task PodsExec_CommandMustBeAnArray()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("pods_exec", new { name = "shell", command = "ls -l" });

        Assert.StartsWith("invalid argument 'command': must be an array of strings", text);
    }

    [Fact]
    public async Task NodesStatsSummary_SummarisesTheNode()
    {
        await using var client = await server.ConnectAsync(Ct);
        var node = await FirstNodeAsync();

        var (text, failed) = await client.CallAsync("nodes_stats_summary", new { name = node });

        Assert.False(failed, text);
        Assert.StartsWith($"node {node}:", text);
    }

    [Fact]
    public async Task NodesLog_ReadsKubeletLog()
    {
        await using var client = await server.ConnectAsync(Ct);
        var node = await FirstNodeAsync();

        var (text, failed) = await client.CallAsync("nodes_log", new { name = node, query = "kubelet", tailLines = 5 });

        Assert.False(failed, text);
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.InRange(lines.Length, 1, 5);
        Assert.All(lines, l => Assert.Contains(" kubelet[", l));
    }

    [Fact]
    public async Task NodesLog_RefusesPathTraversal()
    {
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.FailAsync("nodes_log", new { name = "node-1", query = "/var/log/../../etc/shadow" });

        Assert.StartsWith("invalid argument 'query': must not contain '..'", text);
    }

    [Fact]
    public async Task HelmList_EmptyNamespaceSaysSo()
    {
        if (server.Options.HelmPath is null)
        {
            Assert.Skip("helm is not installed; run eng/install-validators.sh");
        }
        await using var client = await server.ConnectAsync(Ct);

        var text = await client.OkAsync("helm_list", new { @namespace = "kube-public" });

        Assert.Equal("No Helm releases in namespace kube-public", text);
    }

    private async Task<string> FirstNodeAsync()
    {
        var nodes = await new TestObjects(server.Cluster).Client.CoreV1.ListNodeAsync(cancellationToken: Ct);
        return nodes.Items[0].Metadata.Name;
    }

    /// <summary>A pod on a simulated node, once its kubelet reports it running (watched, not polled).</summary>
    private async Task RunningPodAsync(string ns, string name)
    {
        var objects = new TestObjects(server.Cluster);
        await objects.NamespaceAsync(ns);
        await objects.PodAsync(ns, name, node: Node);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await foreach (var (_, pod) in objects.Client.CoreV1.WatchListNamespacedPodAsync(ns, fieldSelector: $"metadata.name={name}",
            cancellationToken: timeout.Token))
        {
            if (pod.Status?.ContainerStatuses?.FirstOrDefault()?.Ready == true)
            {
                return;
            }
        }
        Assert.Fail($"pod {ns}/{name} did not become ready");
    }
}
