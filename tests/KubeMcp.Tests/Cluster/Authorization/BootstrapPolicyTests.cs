using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

public sealed class BootstrapPolicyTests
{
    private static readonly IReadOnlyList<JsonObject> Objects = BootstrapPolicy.Create();

    private static JsonObject Find(string kind, string name) =>
        Objects.Single(o => (string?)o["kind"] == kind && (string?)o["metadata"]!["name"] == name);

    [Theory]
    [InlineData("cluster-admin")]
    [InlineData("admin")]
    [InlineData("edit")]
    [InlineData("view")]
    [InlineData("system:basic-user")]
    [InlineData("system:discovery")]
    [InlineData("system:public-info-viewer")]
    [InlineData("system:monitoring")]
    public void Create_HasLabelledAutoupdatingRole(string name)
    {
        var role = Find("ClusterRole", name);

        Assert.Equal("rbac-defaults", (string?)role["metadata"]!["labels"]!["kubernetes.io/bootstrapping"]);
        Assert.Equal("true", (string?)role["metadata"]!["annotations"]!["rbac.authorization.kubernetes.io/autoupdate"]);
        Assert.Equal("rbac.authorization.k8s.io/v1", (string?)role["apiVersion"]);
    }

    [Fact]
    public void Create_AggregatedRolesAlreadyCarryTheirRules()
    {
        static bool Has(JsonObject role, string resource, string verb) =>
            role["rules"]!.AsArray().Any(r => PolicyRule.FromJson(r!.AsObject()) is var p && p.Resources.Contains(resource) && p.Verbs.Contains(verb));

        Assert.True(Has(Find("ClusterRole", "view"), "pods", "list"));
        Assert.False(Has(Find("ClusterRole", "view"), "secrets", "get"));
        Assert.True(Has(Find("ClusterRole", "edit"), "secrets", "get"));
        Assert.True(Has(Find("ClusterRole", "edit"), "deployments", "list"));
        Assert.False(Has(Find("ClusterRole", "edit"), "roles", "create"));
        Assert.True(Has(Find("ClusterRole", "admin"), "roles", "create"));
        Assert.True(Has(Find("ClusterRole", "admin"), "pods", "list"));
        Assert.Equal("true", (string?)Find("ClusterRole", "edit")["metadata"]!["labels"]!["rbac.authorization.k8s.io/aggregate-to-admin"]);
    }

    [Fact]
    public void Create_BindsDefaultGroups()
    {
        static IEnumerable<string?> Subjects(JsonObject binding) => binding["subjects"]!.AsArray().Select(s => (string?)s!["name"]);

        Assert.Equal(["system:masters"], Subjects(Find("ClusterRoleBinding", "cluster-admin")));
        Assert.Equal(["system:authenticated"], Subjects(Find("ClusterRoleBinding", "system:basic-user")));
        Assert.Equal(["system:authenticated"], Subjects(Find("ClusterRoleBinding", "system:discovery")));
        Assert.Equal(["system:authenticated", "system:unauthenticated"], Subjects(Find("ClusterRoleBinding", "system:public-info-viewer")));
    }

    [Fact]
    public void Create_ReturnsFreshObjectsEachTime()
    {
        var first = BootstrapPolicy.Create();
        first[0]["metadata"]!["name"] = "changed";

        Assert.NotEqual("changed", (string?)BootstrapPolicy.Create()[0]["metadata"]!["name"]);
    }
}
