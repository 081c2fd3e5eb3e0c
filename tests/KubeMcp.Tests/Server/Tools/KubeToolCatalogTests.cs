using System.Text.Json;
using KubeMcp.Server;
using KubeMcp.Server.Helm;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Tools;

public sealed class KubeToolCatalogTests
{
    private const string TwoContexts = """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
        contexts: [{name: one, context: {cluster: c, user: u}}, {name: two, context: {cluster: c, user: u, namespace: ops}}]
        current-context: one
        users: [{name: u, user: {token: t}}]
        """;

    private const string OneContext = """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:1"}}]
        contexts: [{name: one, context: {cluster: c, user: u}}]
        current-context: one
        users: [{name: u, user: {token: t}}]
        """;

    private static IReadOnlyList<KubeTool> Enabled(string kubeconfig, Action<KubeMcpServerOptions>? configure = null)
    {
        var options = new KubeMcpServerOptions { KubeconfigYaml = kubeconfig };
        configure?.Invoke(options);
        var connections = new ClusterConnections(options);
        return new KubeToolCatalog(new ToolServices(options, connections, TimeProvider.System, new HelmRunner(options, connections))).Enabled();
    }

    [Fact]
    public void Enabled_AllToolsetsWithTwoContextsIs24()
    {
        Assert.Equal(24, Enabled(TwoContexts).Count);
    }

    [Fact]
    public void Enabled_OneContextDropsContextsListAndTheContextArgument()
    {
        var tools = Enabled(OneContext);

        Assert.Equal(23, tools.Count);
        Assert.DoesNotContain(tools, t => t.Name == "configuration_contexts_list");
        Assert.DoesNotContain(tools, t => Properties(t).Contains(KubeTool.ContextParameter));
    }

    [Fact]
    public void Enabled_TwoContextsAddContextToClusterToolsOnly()
    {
        var tools = Enabled(TwoContexts);

        Assert.All(tools.Where(t => !t.Name.StartsWith("configuration_", StringComparison.Ordinal)),
            t => Assert.Contains(KubeTool.ContextParameter, Properties(t)));
        Assert.All(tools.Where(t => t.Name.StartsWith("configuration_", StringComparison.Ordinal)),
            t => Assert.DoesNotContain(KubeTool.ContextParameter, Properties(t)));
    }

    [Fact]
    public void Enabled_ReadOnlyKeepsTheSixteenReadTools()
    {
        var names = Enabled(TwoContexts, o => o.ReadOnly = true).Select(t => t.Name).Order();

        Assert.Equal(
            ["configuration_contexts_list", "configuration_view", "events_list", "helm_list", "namespaces_list", "nodes_log",
             "nodes_stats_summary", "nodes_top", "pods_get", "pods_list", "pods_list_in_namespace", "pods_log", "pods_top",
             "projects_list", "resources_get", "resources_list"],
            names);
    }

    [Fact]
    public void Enabled_DisableDestructiveKeepsNonDestructiveWrites()
    {
        var tools = Enabled(TwoContexts, o => o.DisableDestructive = true);

        Assert.Equal(18, tools.Count);
        Assert.Contains(tools, t => t.Name == "pods_run");
        Assert.Contains(tools, t => t.Name == "helm_install");
        Assert.DoesNotContain(tools, t => t.Hints.Destructive);
    }

    [Fact]
    public void Enabled_ToolsetSelection()
    {
        Assert.Equal(19, Enabled(TwoContexts, o => o.Toolsets = [KubeMcpToolsets.Core]).Count);
        Assert.Equal(["helm_install", "helm_list", "helm_uninstall"], Enabled(TwoContexts, o => o.Toolsets = ["helm"]).Select(t => t.Name).Order());
    }

    [Fact]
    public void ProtocolTool_SetsAllFourHintsAndATitle()
    {
        foreach (var tool in Enabled(TwoContexts))
        {
            var annotations = tool.ProtocolTool.Annotations!;
            Assert.NotNull(annotations.ReadOnlyHint);
            Assert.NotNull(annotations.DestructiveHint);
            Assert.NotNull(annotations.IdempotentHint);
            Assert.NotNull(annotations.OpenWorldHint);
            Assert.False(string.IsNullOrEmpty(annotations.Title));
            Assert.True(tool.ProtocolTool.Description!.Length > 60, $"{tool.Name}: description too thin for a model");
        }
    }

    private static List<string> Properties(KubeTool tool) =>
        tool.ProtocolTool.InputSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
}
