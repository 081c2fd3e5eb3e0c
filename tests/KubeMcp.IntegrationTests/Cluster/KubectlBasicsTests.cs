using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

public sealed class KubectlBasicsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Kubectl_ListsTheSystemNamespacesAndNodes()
    {
        var namespaces = await fixture.Kubectl.OkAsync("get", "namespaces", "-o", "name");
        Assert.Contains("namespace/kube-system", namespaces);
        Assert.Contains("namespace/kube-node-lease", namespaces);

        var nodes = await fixture.Kubectl.OkAsync("get", "nodes", "-o", "name");
        Assert.Equal(3, nodes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Kubectl_ApiResourcesListsTheBuiltInKinds()
    {
        var output = await fixture.Kubectl.OkAsync("api-resources", "-o", "name");
        foreach (var resource in new[] { "pods", "deployments.apps", "horizontalpodautoscalers.autoscaling", "customresourcedefinitions.apiextensions.k8s.io", "leases.coordination.k8s.io" })
        {
            Assert.Contains(resource, output.Split('\n'));
        }
    }

    [Fact]
    public async Task Kubectl_ApplyGetPatchDeleteConfigMap()
    {
        await fixture.Kubectl.ApplyAsync("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: default
            data:
              mode: fast
            """, "--validate=false");
        Assert.Equal("fast", await fixture.Kubectl.OkAsync("get", "configmap", "settings", "-o", "jsonpath={.data.mode}"));

        await fixture.Kubectl.OkAsync("patch", "configmap", "settings", "--type", "merge", "-p", """{"data":{"mode":"slow"}}""");
        Assert.Equal("slow", await fixture.Kubectl.OkAsync("get", "configmap", "settings", "-o", "jsonpath={.data.mode}"));

        await fixture.Kubectl.OkAsync("delete", "configmap", "settings");
        var missing = await fixture.Kubectl.RunAsync("get", "configmap", "settings");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("configmaps \"settings\" not found", missing.Stderr);
    }
}
