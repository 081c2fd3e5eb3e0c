using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// The default ClusterRoles and ClusterRoleBindings a fresh Kubernetes 1.32 API server creates that users meet:
/// the user-facing roles (cluster-admin, admin, edit, view and the system:aggregate-to-* parts they aggregate), the
/// roles every user holds (basic-user, discovery, public-info-viewer), and a few component roles.
/// </summary>
internal static class BootstrapPolicy
{
    private const string RbacGroup = "rbac.authorization.k8s.io";
    private const string AggregateToAdmin = "rbac.authorization.k8s.io/aggregate-to-admin";
    private const string AggregateToEdit = "rbac.authorization.k8s.io/aggregate-to-edit";
    private const string AggregateToView = "rbac.authorization.k8s.io/aggregate-to-view";

    private static readonly string[] Read = ["get", "list", "watch"];
    private static readonly string[] Write = ["create", "delete", "deletecollection", "patch", "update"];
    private static readonly string[] ReadWrite = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] Get = ["get"];
    private static readonly string[] CreateOnly = ["create"];

    /// <summary>
    /// The objects to store, ClusterRoles first. Aggregated roles (admin, edit, view) already carry the rules the
    /// aggregation controller would give them.
    /// </summary>
    public static IReadOnlyList<JsonObject> Create()
    {
        var roles = ClusterRoles();
        var aggregated = ClusterRoleAggregator.Aggregate(roles).ToDictionary(NameOf, StringComparer.Ordinal);
        var result = roles.Select(r => aggregated.GetValueOrDefault(NameOf(r)) ?? r).ToList();
        result.AddRange(ClusterRoleBindings());
        return result;
    }

    private static List<JsonObject> ClusterRoles() =>
    [
        Role("cluster-admin", [],
            Rule(["*"], ["*"], ["*"]),
            NonResource(["*"], ["*"])),
        Aggregating("admin", AggregateToAdmin, labels: []),
        Aggregating("edit", AggregateToEdit, labels: [AggregateToAdmin]),
        Aggregating("view", AggregateToView, labels: [AggregateToEdit]),
        Role("system:aggregate-to-admin", [AggregateToAdmin],
            Rule(CreateOnly, ["authorization.k8s.io"], ["localsubjectaccessreviews"]),
            Rule(ReadWrite, [RbacGroup], ["rolebindings", "roles"])),
        Role("system:aggregate-to-edit", [AggregateToEdit],
            Rule(Read, [""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"]),
            Rule(["impersonate"], [""], ["serviceaccounts"]),
            Rule(Write, [""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"]),
            Rule(CreateOnly, [""], ["pods/eviction"]),
            Rule(Write, [""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers",
                "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"]),
            Rule(CreateOnly, [""], ["serviceaccounts/token"]),
            Rule(Write, ["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets",
                "replicasets/scale", "statefulsets", "statefulsets/scale"]),
            Rule(Write, ["autoscaling"], ["horizontalpodautoscalers"]),
            Rule(Write, ["batch"], ["cronjobs", "jobs"]),
            Rule(Write, ["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses",
                "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"]),
            Rule(Write, ["policy"], ["poddisruptionbudgets"]),
            Rule(Write, ["networking.k8s.io"], ["ingresses", "networkpolicies"]),
            Rule(ReadWrite, ["coordination.k8s.io"], ["leases"])),
        Role("system:aggregate-to-view", [AggregateToView],
            Rule(Read, [""], ["configmaps", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "pods",
                "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status"]),
            Rule(Read, [""], ["bindings", "events", "limitranges", "namespaces/status", "pods/log", "pods/status",
                "replicationcontrollers/status", "resourcequotas", "resourcequotas/status"]),
            Rule(Read, [""], ["namespaces"]),
            Rule(Read, ["discovery.k8s.io"], ["endpointslices"]),
            Rule(Read, ["apps"], ["controllerrevisions", "daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                "deployments/status", "replicasets", "replicasets/scale", "replicasets/status", "statefulsets",
                "statefulsets/scale", "statefulsets/status"]),
            Rule(Read, ["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"]),
            Rule(Read, ["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"]),
            Rule(Read, ["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale",
                "deployments/status", "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale",
                "replicasets/status", "replicationcontrollers/scale"]),
            Rule(Read, ["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"]),
            Rule(Read, ["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"])),
        Role("system:auth-delegator", [],
            Rule(CreateOnly, ["authentication.k8s.io"], ["tokenreviews"]),
            Rule(CreateOnly, ["authorization.k8s.io"], ["subjectaccessreviews"])),
        Role("system:basic-user", [],
            Rule(CreateOnly, ["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"]),
            Rule(CreateOnly, ["authentication.k8s.io"], ["selfsubjectreviews"])),
        Role("system:discovery", [],
            NonResource(Get, ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*",
                "/readyz", "/version", "/version/"])),
        Role("system:monitoring", [],
            NonResource(Get, ["/healthz", "/healthz/*", "/livez", "/livez/*", "/metrics", "/metrics/slis", "/readyz",
                "/readyz/*"])),
        Role("system:node-proxier", [],
            Rule(["list", "watch"], [""], ["endpoints", "services"]),
            Rule(Read, [""], ["nodes"]),
            Rule(["create", "patch", "update"], ["", "events.k8s.io"], ["events"]),
            Rule(["list", "watch"], ["discovery.k8s.io"], ["endpointslices"])),
        Role("system:public-info-viewer", [],
            NonResource(Get, ["/healthz", "/livez", "/readyz", "/version", "/version/"])),
        Role("system:service-account-issuer-discovery", [],
            NonResource(Get, ["/.well-known/openid-configuration", "/openid/v1/jwks"])),
    ];

    private static IEnumerable<JsonObject> ClusterRoleBindings() =>
    [
        Binding("cluster-admin", Group(WellKnownNames.MastersGroup)),
        Binding("system:basic-user", Group(WellKnownNames.AuthenticatedGroup)),
        Binding("system:discovery", Group(WellKnownNames.AuthenticatedGroup)),
        Binding("system:monitoring", Group("system:monitoring")),
        Binding("system:node-proxier", User("system:kube-proxy")),
        Binding("system:public-info-viewer", Group(WellKnownNames.AuthenticatedGroup), Group(WellKnownNames.UnauthenticatedGroup)),
        Binding("system:service-account-issuer-discovery", Group(WellKnownNames.ServiceAccountsGroup)),
    ];

    private static JsonObject Role(string name, string[] labels, params JsonObject[] rules) => new()
    {
        ["apiVersion"] = $"{RbacGroup}/v1",
        ["kind"] = "ClusterRole",
        ["metadata"] = Metadata(name, labels),
        ["rules"] = new JsonArray(rules),
    };

    private static JsonObject Aggregating(string name, string selectorLabel, string[] labels)
    {
        var role = Role(name, labels);
        role["aggregationRule"] = new JsonObject
        {
            ["clusterRoleSelectors"] = new JsonArray(new JsonObject
            {
                ["matchLabels"] = new JsonObject { [selectorLabel] = "true" },
            }),
        };
        return role;
    }

    private static JsonObject Binding(string name, params JsonObject[] subjects) => new()
    {
        ["apiVersion"] = $"{RbacGroup}/v1",
        ["kind"] = "ClusterRoleBinding",
        ["metadata"] = Metadata(name, []),
        ["roleRef"] = new JsonObject { ["apiGroup"] = RbacGroup, ["kind"] = "ClusterRole", ["name"] = name },
        ["subjects"] = new JsonArray(subjects),
    };

    private static JsonObject Metadata(string name, string[] extraLabels)
    {
        var labels = new JsonObject { ["kubernetes.io/bootstrapping"] = "rbac-defaults" };
        foreach (var label in extraLabels)
        {
            labels[label] = "true";
        }
        return new JsonObject
        {
            ["name"] = name,
            ["labels"] = labels,
            ["annotations"] = new JsonObject { ["rbac.authorization.kubernetes.io/autoupdate"] = "true" },
        };
    }

    private static JsonObject Group(string name) => new() { ["apiGroup"] = RbacGroup, ["kind"] = "Group", ["name"] = name };

    private static JsonObject User(string name) => new() { ["apiGroup"] = RbacGroup, ["kind"] = "User", ["name"] = name };

    private static JsonObject Rule(string[] verbs, string[] apiGroups, string[] resources) =>
        new PolicyRule(verbs, apiGroups, resources, [], []).ToJson();

    private static JsonObject NonResource(string[] verbs, string[] urls) => new PolicyRule(verbs, [], [], [], urls).ToJson();

    private static string NameOf(JsonObject obj) => obj.Obj("metadata").Text("name");
}
