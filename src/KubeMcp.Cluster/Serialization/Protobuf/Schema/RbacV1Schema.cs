namespace KubeMcp.Cluster.Serialization.Protobuf.Schema;

/// <summary>The rbac.authorization.k8s.io/v1 messages as protobuf encodes them (field numbers of k8s.io/api rbac/v1, Kubernetes 1.32).</summary>
internal static class RbacV1Schema
{
    public static void Register(ProtoSchemaBuilder schema) => schema.Package("rbac.v1", "rbac.authorization.k8s.io/v1", """
        AggregationRule: 1 clusterRoleSelectors []meta.v1.LabelSelector
        ClusterRole: 1 metadata meta.v1.ObjectMeta, 2 rules []PolicyRule, 3 aggregationRule AggregationRule
        ClusterRoleBinding: 1 metadata meta.v1.ObjectMeta, 2 subjects []Subject, 3 roleRef RoleRef
        PolicyRule: 1 verbs []string, 2 apiGroups []string, 3 resources []string, 4 resourceNames []string,
            5 nonResourceURLs []string
        Role: 1 metadata meta.v1.ObjectMeta, 2 rules []PolicyRule
        RoleBinding: 1 metadata meta.v1.ObjectMeta, 2 subjects []Subject, 3 roleRef RoleRef
        RoleRef: 1 apiGroup string!, 2 kind string!, 3 name string!
        Subject: 1 kind string!, 2 apiGroup string, 3 name string!, 4 namespace string
        """);
}
