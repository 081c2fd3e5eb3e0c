using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

public sealed class ClusterRoleAggregatorTests
{
    private static readonly Dictionary<string, string> ToMonitoring = new() { ["example.com/aggregate-to-monitoring"] = "true" };

    private static JsonObject Aggregating(string name, JsonObject selector)
    {
        var role = Rbac.ClusterRole(name);
        role["aggregationRule"] = new JsonObject { ["clusterRoleSelectors"] = new JsonArray(selector) };
        return role;
    }

    private static JsonObject MatchLabels(Dictionary<string, string> labels) => new()
    {
        ["matchLabels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
    };

    [Fact]
    public void Aggregate_UnionsSelectedRolesInNameOrder_WithoutDuplicates()
    {
        var pods = Rbac.Rule(["get"], [""], ["pods"]);
        var roles = new[]
        {
            Aggregating("monitoring", MatchLabels(ToMonitoring)),
            Rbac.LabelledClusterRole("z-metrics", ToMonitoring, Rbac.Rule(["get"], ["metrics.k8s.io"], ["pods"]), pods.DeepClone().AsObject()),
            Rbac.LabelledClusterRole("a-pods", ToMonitoring, pods),
            Rbac.ClusterRole("unrelated", Rbac.Rule(["*"], ["*"], ["*"])),
        };

        var updated = Assert.Single(ClusterRoleAggregator.Aggregate(roles));

        Assert.Equal("monitoring", (string?)updated["metadata"]!["name"]);
        var rules = updated["rules"]!.AsArray();
        Assert.Equal(2, rules.Count);
        Assert.Equal("", (string?)rules[0]!["apiGroups"]![0]);
        Assert.Equal("metrics.k8s.io", (string?)rules[1]!["apiGroups"]![0]);
        Assert.Empty(roles[0]["rules"]!.AsArray());
    }

    [Fact]
    public void Aggregate_ReturnsNothing_WhenRulesAreAlreadyCurrent()
    {
        var roles = new List<JsonObject>
        {
            Aggregating("monitoring", MatchLabels(ToMonitoring)),
            Rbac.LabelledClusterRole("source", ToMonitoring, Rbac.Rule(["get"], [""], ["pods"])),
        };
        var once = ClusterRoleAggregator.Aggregate(roles);
        roles[0] = once[0];

        Assert.Empty(ClusterRoleAggregator.Aggregate(roles));
    }

    [Fact]
    public void Aggregate_FollowsChains()
    {
        var roles = new[]
        {
            Aggregating("outer", MatchLabels(new() { ["level"] = "outer" })),
            Aggregating("inner", MatchLabels(new() { ["level"] = "inner" })),
            Rbac.LabelledClusterRole("leaf", new() { ["level"] = "inner" }, Rbac.Rule(["get"], [""], ["pods"])),
        };
        roles[1]["metadata"]!["labels"] = new JsonObject { ["level"] = "outer" };

        var updated = ClusterRoleAggregator.Aggregate(roles).ToDictionary(r => (string)r["metadata"]!["name"]!);

        Assert.Single(updated["inner"]["rules"]!.AsArray());
        Assert.Single(updated["outer"]["rules"]!.AsArray());
    }

    [Fact]
    public void Aggregate_SupportsMatchExpressions()
    {
        var selector = JsonNode.Parse("""{"matchExpressions":[{"key":"tier","operator":"In","values":["gold","silver"]},{"key":"deprecated","operator":"DoesNotExist"}]}""")!.AsObject();
        var roles = new[]
        {
            Aggregating("premium", selector),
            Rbac.LabelledClusterRole("gold", new() { ["tier"] = "gold" }, Rbac.Rule(["get"], [""], ["secrets"])),
            Rbac.LabelledClusterRole("old-gold", new() { ["tier"] = "gold", ["deprecated"] = "yes" }, Rbac.Rule(["*"], ["*"], ["*"])),
            Rbac.LabelledClusterRole("bronze", new() { ["tier"] = "bronze" }, Rbac.Rule(["get"], [""], ["pods"])),
        };

        var updated = Assert.Single(ClusterRoleAggregator.Aggregate(roles));

        var rule = Assert.Single(updated["rules"]!.AsArray());
        Assert.Equal("secrets", (string?)rule!["resources"]![0]);
    }

    [Fact]
    public void Aggregate_IgnoresInvalidSelectors()
    {
        var selector = JsonNode.Parse("""{"matchExpressions":[{"key":"tier","operator":"Near"}]}""")!.AsObject();
        var roles = new[]
        {
            Aggregating("broken", selector),
            Rbac.LabelledClusterRole("gold", new() { ["tier"] = "gold" }, Rbac.Rule(["get"], [""], ["secrets"])),
        };

        Assert.Empty(ClusterRoleAggregator.Aggregate(roles));
    }
}
