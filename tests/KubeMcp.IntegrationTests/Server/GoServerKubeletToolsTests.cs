using System.Text.Json.Nodes;
using k8s;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>
/// The Go kubernetes-mcp-server 0.0.67, unchanged, over stdio against the <c>production-failing</c> scenario: its
/// kubelet-backed tools (logs, exec, top, stats summary, node logs) get real answers from the simulated kubelets.
/// </summary>
public sealed class GoServerKubeletToolsTests(ScenarioClusterFixture cluster) : IClassFixture<ScenarioClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GoServer_AnswersKubeletToolsOnTheProductionFailingScenario()
    {
        var binary = Validators.Find("kubernetes-mcp-server");
        if (binary is null)
        {
            Assert.Skip("kubernetes-mcp-server is not installed; run eng/install-validators.sh");
        }
        var pods = (await cluster.Client.CoreV1.ListNamespacedPodAsync("production", cancellationToken: Ct)).Items;
        var worker = pods.First(p => p.Metadata.Name.StartsWith("worker-", StringComparison.Ordinal)).Metadata.Name;
        var frontend = pods.First(p => p.Metadata.Name.StartsWith("frontend-", StringComparison.Ordinal));
        var node = frontend.Spec.NodeName;
        await using var go = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kubernetes-mcp-server",
            Command = binary,
            Arguments = ["--kubeconfig", cluster.KubeconfigPath, "--toolsets", "core,config"],
            EnvironmentVariables = new Dictionary<string, string?> { ["KUBE_CLIENT_QPS"] = "1000", ["KUBE_CLIENT_BURST"] = "2000" },
        }), cancellationToken: Ct);

        var log = await go.OkAsync("pods_log", new { name = worker, @namespace = "production" });
        var previous = await go.OkAsync("pods_log", new { name = worker, @namespace = "production", previous = true });
        var exec = await go.OkAsync("pods_exec", new { name = frontend.Metadata.Name, @namespace = "production", command = new[] { "cat", "/etc/hostname" } });
        var podsTop = await go.OkAsync("pods_top", new { @namespace = "production", all_namespaces = false });
        var nodesTop = await go.OkAsync("nodes_top");
        var summary = JsonNode.Parse(await go.OkAsync("nodes_stats_summary", new { name = node }))!;
        var kubeletLog = await go.OkAsync("nodes_log", new { name = node, query = "kubelet", tailLines = 20 });

        Assert.Contains("Error: required environment variable DATABASE_URL is not set", log);
        Assert.Contains("order-worker 2.4.1 starting", previous);
        Assert.Contains(frontend.Metadata.Name, exec);
        Assert.Contains(frontend.Metadata.Name, podsTop);
        Assert.DoesNotContain("payments-", podsTop);
        foreach (var name in new[] { "kubemcp-control-plane", "kubemcp-worker", "kubemcp-worker2" })
        {
            Assert.Contains(name, nodesTop);
        }
        Assert.Equal(node, summary["node"]!["nodeName"]!.ToString());
        Assert.Contains(summary["pods"]!.AsArray(), p => p!["podRef"]!["name"]!.ToString() == frontend.Metadata.Name);
        var lines = kubeletLog.TrimEnd('\n').Split('\n');
        Assert.InRange(lines.Length, 1, 20);
        // A node log query answers in journalctl's short-precise format, each line a klog line of the kubelet.
        Assert.All(lines, l => Assert.Matches($@"^\w{{3}} \d{{2}} \d{{2}}:\d{{2}}:\d{{2}}\.\d{{6}} {node} kubelet\[\d+\]: [IWE]\d{{4}} \d{{2}}:\d{{2}}:\d{{2}}\.\d{{6}} +\d+ [\w.]+:\d+\] ", l));
    }
}
