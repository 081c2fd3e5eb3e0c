using System.Text.Json.Nodes;

namespace KubeMcp.Tests.Cluster.Authorization;

/// <summary>Builders for RBAC objects in their wire shape, to keep tests readable.</summary>
internal static class Rbac
{
    public static JsonObject Rule(string[] verbs, string[] apiGroups, string[] resources, string[]? resourceNames = null)
    {
        var rule = new JsonObject
        {
            ["verbs"] = Array(verbs),
            ["apiGroups"] = Array(apiGroups),
            ["resources"] = Array(resources),
        };
        if (resourceNames is not null)
        {
            rule["resourceNames"] = Array(resourceNames);
        }
        return rule;
    }

    public static JsonObject NonResourceRule(string[] verbs, string[] urls) =>
        new() { ["verbs"] = Array(verbs), ["nonResourceURLs"] = Array(urls) };

    public static JsonObject ClusterRole(string name, params JsonObject[] rules) => LabelledClusterRole(name, null, rules);

    public static JsonObject LabelledClusterRole(string name, Dictionary<string, string>? labels, params JsonObject[] rules)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (labels is not null)
        {
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
        }
        return new JsonObject
        {
            ["apiVersion"] = "rbac.authorization.k8s.io/v1",
            ["kind"] = "ClusterRole",
            ["metadata"] = metadata,
            ["rules"] = new JsonArray(rules),
        };
    }

    public static JsonObject Role(string @namespace, string name, params JsonObject[] rules) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "Role",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        ["rules"] = new JsonArray(rules),
    };

    public static JsonObject ClusterRoleBinding(string name, string clusterRole, params JsonObject[] subjects) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["roleRef"] = RoleRef("ClusterRole", clusterRole),
        ["subjects"] = new JsonArray(subjects),
    };

    public static JsonObject RoleBinding(string @namespace, string name, string roleKind, string roleName, params JsonObject[] subjects) => new()
    {
        ["apiVersion"] = "rbac.authorization.k8s.io/v1",
        ["kind"] = "RoleBinding",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = @namespace },
        ["roleRef"] = RoleRef(roleKind, roleName),
        ["subjects"] = new JsonArray(subjects),
    };

    public static JsonObject User(string name) => new() { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "User", ["name"] = name };

    public static JsonObject Group(string name) => new() { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = "Group", ["name"] = name };

    public static JsonObject ServiceAccount(string @namespace, string name) =>
        new() { ["kind"] = "ServiceAccount", ["name"] = name, ["namespace"] = @namespace };

    private static JsonObject RoleRef(string kind, string name) =>
        new() { ["apiGroup"] = "rbac.authorization.k8s.io", ["kind"] = kind, ["name"] = name };

    private static JsonArray Array(string[] values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
