using k8s;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>
/// Tools that reach through the API server to a kubelet (logs, exec, node proxy). Where the embedded cluster does
/// not serve the subresource yet, the test checks the error is a clear one and is skipped with the reason.
/// </summary>
public sealed class KubeletToolsTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PodsLog_ReturnsAtMostTheTailRequested()
    {
        await new TestObjects(server.Cluster).NamespaceAsync("logs");
        await new TestObjects(server.Cluster).PodAsync("logs", "talker", status: TestObjects.Running());
        await using var client = await server.ConnectAsync(Ct);

        var (text, failed) = await client.CallAsync("pods_log", new { name = "talker", @namespace = "logs", tail = 3 });

        SkipWhenUnsupported(failed, text, "pods/log");
        Assert.False(failed, text);
        Assert.True(text.TrimEnd('\n').Split('\n').Length <= 3 || text.StartsWith("(pod talker", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task PodsExec_ReturnsCommandOutput()
    {
        await new TestObjects(server.Cluster).NamespaceAsync("exec");
        await new TestObjects(server.Cluster).PodAsync("exec", "shell", status: TestObjects.Running());
        await using var client = await server.ConnectAsync(Ct);

        var (text, failed) = await client.CallAsync("pods_exec", new { name = "shell", @namespace = "exec", command = new[] { "echo", "hello" } });

        SkipWhenUnsupported(failed, text, "pods/exec");
        Assert.False(failed, text);
        Assert.Contains("hello", text);
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

        SkipWhenUnsupported(failed, text, "nodes/proxy stats/summary");
        Assert.False(failed, text);
        Assert.StartsWith($"node {node}:", text);
    }

    [Fact]
    public async Task NodesLog_ReadsKubeletLog()
    {
        await using var client = await server.ConnectAsync(Ct);
        var node = await FirstNodeAsync();

        var (text, failed) = await client.CallAsync("nodes_log", new { name = node, query = "kubelet", tailLines = 5 });

        SkipWhenUnsupported(failed, text, "nodes/proxy logs");
        Assert.False(failed, text);
        Assert.True(text.TrimEnd('\n').Split('\n').Length <= 6, text);
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

        Assert.Equal("No Helm releases found in namespace kube-public.", text);
    }

    private async Task<string> FirstNodeAsync()
    {
        var nodes = await new TestObjects(server.Cluster).Client.CoreV1.ListNodeAsync(cancellationToken: Ct);
        return nodes.Items[0].Metadata.Name;
    }

    private static void SkipWhenUnsupported(bool failed, string text, string feature)
    {
        if (!failed)
        {
            return;
        }
        Assert.DoesNotContain("An error occurred", text);
        if (text.Contains("does not support", StringComparison.Ordinal) || text.Contains("'405'", StringComparison.Ordinal))
        {
            Assert.Skip($"the embedded cluster does not serve {feature} yet: {text}");
        }
    }
}
