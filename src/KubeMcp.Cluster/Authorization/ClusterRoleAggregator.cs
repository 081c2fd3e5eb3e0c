using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// Does what kube-controller-manager's clusterrole-aggregation controller does: a ClusterRole with an
/// <c>aggregationRule</c> gets as its rules the union of the rules of every other ClusterRole its
/// <c>clusterRoleSelectors</c> select (sources in name order, duplicates once).
/// </summary>
internal static class ClusterRoleAggregator
{
    /// <summary>
    /// Computes the aggregated rules of every aggregating role and returns updated copies of those whose rules
    /// change, ready to store; the inputs are not modified. Aggregation follows chains (admin aggregates edit, which
    /// aggregates view) until nothing changes, as the controller's repeated syncs would.
    /// </summary>
    public static IReadOnlyList<JsonObject> Aggregate(IEnumerable<JsonObject> clusterRoles)
    {
        var current = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var role in clusterRoles)
        {
            current[NameOf(role)] = role;
        }
        var changed = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        // Each pass can only propagate rules one link further down a chain; a cycle cannot grow past all roles' rules.
        for (var pass = 0; pass <= current.Count; pass++)
        {
            var progress = false;
            foreach (var (name, role) in current.ToList())
            {
                if (role.Obj("aggregationRule") is not { } aggregationRule)
                {
                    continue;
                }
                var rules = AggregatedRules(name, aggregationRule, current.Values);
                if (SameRules(rules, role.Objects("rules").ToList()))
                {
                    continue;
                }
                var updated = (JsonObject)role.DeepClone();
                updated["rules"] = new JsonArray(rules.Select(r => (JsonNode)r.DeepClone()).ToArray());
                current[name] = updated;
                changed[name] = updated;
                progress = true;
            }
            if (!progress)
            {
                break;
            }
        }
        return changed.Values.ToList();
    }

    private static List<JsonObject> AggregatedRules(string name, JsonObject aggregationRule, IEnumerable<JsonObject> roles)
    {
        var result = new List<JsonObject>();
        var parsed = new List<PolicyRule>();
        foreach (var selectorJson in aggregationRule.Objects("clusterRoleSelectors"))
        {
            if (LabelSelector.TryFromObject(selectorJson, out _) is not { } selector)
            {
                continue;
            }
            foreach (var source in roles)
            {
                if (NameOf(source) == name || !selector.Matches(source.Labels()))
                {
                    continue;
                }
                foreach (var rule in source.Objects("rules"))
                {
                    var policyRule = PolicyRule.FromJson(rule);
                    if (!parsed.Any(p => p.SameAs(policyRule)))
                    {
                        parsed.Add(policyRule);
                        result.Add(rule);
                    }
                }
            }
        }
        return result;
    }

    private static bool SameRules(List<JsonObject> left, List<JsonObject> right) =>
        left.Count == right.Count &&
        left.Zip(right).All(pair => PolicyRule.FromJson(pair.First).SameAs(PolicyRule.FromJson(pair.Second)));

    private static string NameOf(JsonObject obj) => obj.Obj("metadata").Text("name");
}
