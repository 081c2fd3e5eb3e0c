using System.Collections.Frozen;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// How a list field merges: the <c>x-kubernetes-patch-*</c> (strategic merge patch) and <c>x-kubernetes-list-*</c>
/// (server-side apply) extensions the upstream schema carries for it.
/// </summary>
/// <param name="PatchStrategy">e.g. <c>merge</c>, <c>merge,retainKeys</c>, <c>retainKeys</c>; null for replace.</param>
/// <param name="PatchMergeKey">The element key strategic merge patch matches on, e.g. <c>name</c>.</param>
/// <param name="ListType"><c>atomic</c>, <c>set</c> or <c>map</c>.</param>
/// <param name="ListMapKeys">For <c>map</c> lists: the keys that identify an element.</param>
internal sealed record ListSemantics(string? PatchStrategy, string? PatchMergeKey, string? ListType, IReadOnlyList<string> ListMapKeys)
{
    private static readonly string[] NoKeys = [];

    private static readonly FrozenDictionary<string, ListSemantics> Known = new Dictionary<string, ListSemantics>
    {
        ["V1PodSpec.containers"] = MergeMap("name"),
        ["V1PodSpec.initContainers"] = MergeMap("name"),
        ["V1PodSpec.ephemeralContainers"] = MergeMap("name"),
        ["V1PodSpec.volumes"] = new("merge,retainKeys", "name", "map", ["name"]),
        ["V1PodSpec.imagePullSecrets"] = MergeMap("name"),
        ["V1PodSpec.hostAliases"] = MergeMap("ip"),
        ["V1PodSpec.topologySpreadConstraints"] = new("merge", "topologyKey", "map", ["topologyKey", "whenUnsatisfiable"]),
        ["V1PodSpec.resourceClaims"] = new("merge,retainKeys", "name", "map", ["name"]),
        ["V1PodSpec.schedulingGates"] = MergeMap("name"),
        ["V1PodSpec.tolerations"] = Atomic(),
        ["V1Container.env"] = MergeMap("name"),
        ["V1Container.ports"] = new("merge", "containerPort", "map", ["containerPort", "protocol"]),
        ["V1Container.volumeMounts"] = MergeMap("mountPath"),
        ["V1Container.volumeDevices"] = MergeMap("devicePath"),
        ["V1Container.resizePolicy"] = Atomic(),
        ["V1Container.command"] = Atomic(),
        ["V1Container.args"] = Atomic(),
        ["V1Container.envFrom"] = Atomic(),
        ["V1EphemeralContainer.env"] = MergeMap("name"),
        ["V1EphemeralContainer.ports"] = new("merge", "containerPort", "map", ["containerPort", "protocol"]),
        ["V1EphemeralContainer.volumeMounts"] = MergeMap("mountPath"),
        ["V1EphemeralContainer.volumeDevices"] = MergeMap("devicePath"),
        ["V1ServiceSpec.ports"] = new("merge", "port", "map", ["port", "protocol"]),
        ["V1ServiceSpec.clusterIPs"] = Atomic(),
        ["V1ServiceSpec.ipFamilies"] = Atomic(),
        ["V1ServiceSpec.externalIPs"] = Atomic(),
        ["V1ServiceAccount.secrets"] = MergeMap("name"),
        ["V1ObjectMeta.finalizers"] = new("merge", null, "set", NoKeys),
        ["V1ObjectMeta.ownerReferences"] = MergeMap("uid"),
        ["V1ObjectMeta.managedFields"] = Atomic(),
        ["V1PodStatus.conditions"] = MergeMap("type"),
        ["V1PodStatus.podIPs"] = MergeMap("ip"),
        ["V1PodStatus.hostIPs"] = MergeMap("ip"),
        ["V1DeploymentStatus.conditions"] = MergeMap("type"),
        ["V1ReplicaSetStatus.conditions"] = MergeMap("type"),
        ["V1StatefulSetStatus.conditions"] = MergeMap("type"),
        ["V1DaemonSetStatus.conditions"] = MergeMap("type"),
        ["V1JobStatus.conditions"] = new("merge", "type", "atomic", NoKeys),
        ["V1NamespaceStatus.conditions"] = MergeMap("type"),
        ["V1NodeStatus.conditions"] = MergeMap("type"),
        ["V1NodeStatus.addresses"] = MergeMap("type"),
        ["V1NodeSpec.podCIDRs"] = new("merge", null, "set", NoKeys),
        ["V1NodeSpec.taints"] = Atomic(),
        ["V1ServiceStatus.conditions"] = MergeMap("type"),
        ["V1LabelSelector.matchExpressions"] = Atomic(),
        ["V1NodeSelector.nodeSelectorTerms"] = Atomic(),
        ["V1NodeSelectorTerm.matchExpressions"] = Atomic(),
        ["V1NodeSelectorTerm.matchFields"] = Atomic(),
        ["V1DeploymentSpec.strategy"] = new("retainKeys", null, null, NoKeys),
        ["V1StatefulSetSpec.volumeClaimTemplates"] = Atomic(),
        ["V1PolicyRule.verbs"] = Atomic(),
        ["V1PolicyRule.resources"] = Atomic(),
        ["V1PolicyRule.apiGroups"] = Atomic(),
        ["V1PolicyRule.resourceNames"] = Atomic(),
        ["V1RoleBinding.subjects"] = Atomic(),
        ["V1ClusterRoleBinding.subjects"] = Atomic(),
        ["V1IngressSpec.rules"] = Atomic(),
        ["V1IngressSpec.tls"] = Atomic(),
        ["V1HTTPIngressRuleValue.paths"] = Atomic(),
        ["V1EndpointSlice.endpoints"] = Atomic(),
        ["V1EndpointSlice.ports"] = Atomic(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The semantics of a field of a model class, or null when the upstream schema says nothing.</summary>
    public static ListSemantics? Of(string modelClassName, string jsonName) =>
        Known.GetValueOrDefault($"{modelClassName}.{jsonName}");

    private static ListSemantics MergeMap(string key) => new("merge", key, "map", [key]);

    private static ListSemantics Atomic() => new(null, null, "atomic", NoKeys);
}
