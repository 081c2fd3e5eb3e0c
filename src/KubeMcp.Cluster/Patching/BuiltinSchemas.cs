using System.Collections.Frozen;
using KubeMcp.Cluster.Api;
using static KubeMcp.Cluster.Patching.TypeSchema;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Merge semantics of the built-in kinds of a 1.32 API server, transcribed from the <c>patchStrategy</c>,
/// <c>patchMergeKey</c>, <c>+listType</c>, <c>+listMapKey</c> and atomic markers in k8s.io/api's types.go. Only
/// the paths that lead to a list with a merge key, a set, an atomic struct or map, or a struct that is always present
/// are written down; everything else is deduced (objects merge, lists are atomic).
/// </summary>
internal static class BuiltinSchemas
{
    private static readonly TypeSchema Conditions = Keyed(Deduced, "type");
    private static readonly TypeSchema LabelSelector = AtomicStruct();
    private static readonly TypeSchema AtomicMap = MapOf(atomic: true);

    /// <summary>metav1.ObjectMeta.</summary>
    public static readonly TypeSchema ObjectMeta = Struct(
        ("labels", MapOf()),
        ("annotations", MapOf()),
        ("finalizers", Set()),
        ("ownerReferences", Keyed(AtomicStruct(), "uid")),
        ("managedFields", AtomicList()));

    private static readonly TypeSchema Container = Struct(
        ("ports", Keyed(Deduced, "containerPort", "containerPort", "protocol").WithKeyDefaults(("protocol", "TCP"))),
        ("env", Keyed(Struct(("valueFrom", Struct(
            ("configMapKeyRef", AtomicStruct()),
            ("secretKeyRef", AtomicStruct()),
            ("fieldRef", AtomicStruct()),
            ("resourceFieldRef", AtomicStruct())))), "name")),
        ("volumeMounts", Keyed(Deduced, "mountPath")),
        ("volumeDevices", Keyed(Deduced, "devicePath")),
        ("resources", Struct(
            ("limits", MapOf()),
            ("requests", MapOf()),
            ("claims", KeyedForApply(Deduced, "name")))));

    private static readonly TypeSchema PodSpec = Struct(
        ("volumes", Keyed(Deduced, "name")),
        ("initContainers", Keyed(Container, "name")),
        ("containers", Keyed(Container, "name").Present()),
        ("ephemeralContainers", Keyed(Container, "name")),
        ("imagePullSecrets", Keyed(AtomicStruct(), "name")),
        ("hostAliases", Keyed(Deduced, "ip")),
        ("topologySpreadConstraints", Keyed(Struct(("labelSelector", LabelSelector)),
            "topologyKey", "topologyKey", "whenUnsatisfiable")),
        ("schedulingGates", Keyed(Deduced, "name")),
        ("resourceClaims", Keyed(Deduced, "name")),
        ("nodeSelector", AtomicMap));

    private static readonly TypeSchema PodStatus = Struct(
        ("conditions", Conditions),
        ("hostIPs", MergedButAtomic(Deduced, "ip")),
        ("podIPs", Keyed(Deduced, "ip")),
        ("resourceClaimStatuses", Keyed(Deduced, "name")));

    private static readonly TypeSchema PodTemplateSpec = Struct(
        ("metadata", ObjectMeta.Present()),
        ("spec", PodSpec.Present()));

    private static readonly TypeSchema StatusWithConditions = Struct(("conditions", Conditions)).Present();

    /// <summary>A workload whose spec carries a selector and a (non-pointer) pod template.</summary>
    private static TypeSchema Workload(params (string Name, TypeSchema Type)[] specFields) => Struct(
        ("spec", Struct(("selector", LabelSelector), ("template", PodTemplateSpec.Present())).With(specFields).Present()),
        ("status", StatusWithConditions));

    private static readonly TypeSchema JobSpec = Struct(
        ("selector", LabelSelector),
        ("template", PodTemplateSpec.Present()));

    private static readonly TypeSchema Webhook = Struct(
        ("matchConditions", Keyed(Deduced, "name")),
        ("namespaceSelector", LabelSelector),
        ("objectSelector", LabelSelector));

    private static readonly FrozenDictionary<(string Group, string Kind), TypeSchema> Kinds =
        new Dictionary<(string, string), TypeSchema>
        {
            [("", "Pod")] = Struct(("spec", PodSpec.Present()), ("status", PodStatus.Present())),
            [("", "PodTemplate")] = Struct(("template", PodTemplateSpec.Present())),
            [("", "ReplicationController")] = Struct(
                ("spec", Struct(("selector", AtomicMap), ("template", PodTemplateSpec)).Present()),
                ("status", StatusWithConditions)),
            [("", "Service")] = Struct(
                ("spec", Struct(
                    ("ports", Keyed(Deduced, "port", "port", "protocol").WithKeyDefaults(("protocol", "TCP"))),
                    ("selector", AtomicMap)).Present()),
                ("status", StatusWithConditions)),
            [("", "ServiceAccount")] = Struct(("secrets", Keyed(AtomicStruct(), "name"))),
            [("", "Node")] = Struct(
                ("spec", Struct(("podCIDRs", Set())).Present()),
                ("status", Struct(("conditions", Conditions), ("addresses", Keyed(Deduced, "type"))).Present())),
            [("", "Namespace")] = Struct(("spec", Struct().Present()), ("status", StatusWithConditions)),
            [("", "PersistentVolumeClaim")] = Struct(
                ("spec", Struct(("selector", LabelSelector)).Present()),
                ("status", StatusWithConditions)),
            [("", "PersistentVolume")] = Struct(("spec", Struct().Present()), ("status", Struct().Present())),
            [("", "ComponentStatus")] = Struct(("conditions", Conditions)),
            [("apps", "Deployment")] = Workload(("strategy", Struct().Present())),
            [("apps", "ReplicaSet")] = Workload(),
            [("apps", "StatefulSet")] = Workload(("updateStrategy", Struct().Present())),
            [("apps", "DaemonSet")] = Workload(("updateStrategy", Struct().Present())),
            [("batch", "Job")] = Struct(
                ("spec", JobSpec.Present()),
                ("status", Struct(("conditions", MergedButAtomic(Deduced, "type"))).Present())),
            [("batch", "CronJob")] = Struct(
                ("spec", Struct(("jobTemplate", Struct(
                    ("metadata", ObjectMeta.Present()),
                    ("spec", JobSpec.Present())).Present())).Present()),
                ("status", Struct().Present())),
            [("autoscaling", "HorizontalPodAutoscaler")] = Struct(("spec", Struct().Present()), ("status", StatusWithConditions)),
            [("policy", "PodDisruptionBudget")] = Struct(
                ("spec", Struct(("selector", AtomicStruct() with { PatchReplace = true })).Present()),
                ("status", StatusWithConditions)),
            [("admissionregistration.k8s.io", "MutatingWebhookConfiguration")] = Struct(("webhooks", Keyed(Webhook, "name"))),
            [("admissionregistration.k8s.io", "ValidatingWebhookConfiguration")] = Struct(("webhooks", Keyed(Webhook, "name"))),
            [("admissionregistration.k8s.io", "ValidatingAdmissionPolicy")] = Struct(
                ("spec", Struct(
                    ("matchConditions", Keyed(Deduced, "name")),
                    ("variables", Keyed(Deduced, "name"))).Present()),
                ("status", Struct(("conditions", KeyedForApply(Deduced, "type"))).Present())),
            [("apiextensions.k8s.io", "CustomResourceDefinition")] = Struct(
                ("spec", Struct().Present()),
                ("status", Struct(("conditions", KeyedForApply(Deduced, "type"))).Present())),
            [("apiregistration.k8s.io", "APIService")] = Struct(("spec", Struct().Present()), ("status", StatusWithConditions)),
            [("certificates.k8s.io", "CertificateSigningRequest")] = Struct(
                ("spec", Struct().Present()),
                ("status", Struct(("conditions", KeyedForApply(Deduced, "type"))).Present())),
            [("flowcontrol.apiserver.k8s.io", "FlowSchema")] = Struct(("spec", Struct().Present()), ("status", StatusWithConditions)),
            [("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration")] = Struct(("spec", Struct().Present()), ("status", StatusWithConditions)),
            [("storage.k8s.io", "CSINode")] = Struct(("spec", Struct(("drivers", Keyed(Deduced, "name").Present())).Present())),
        }.ToFrozenDictionary();

    private static readonly FrozenSet<(string ApiVersion, string Kind)> Served =
        BuiltinResources.Create().Select(r => (r.ApiVersion, r.Kind)).ToFrozenSet();

    /// <summary>True when a 1.32 API server serves this kind natively (not from a CustomResourceDefinition).</summary>
    public static bool IsBuiltin(string apiVersion, string kind) => Served.Contains((apiVersion, kind));

    private static readonly TypeSchema CustomKind = Struct(("metadata", ObjectMeta.Present()));

    private static readonly FrozenDictionary<(string Group, string Kind), TypeSchema> Roots =
        Kinds.ToFrozenDictionary(k => k.Key, k => k.Value.With(("metadata", ObjectMeta.Present())));

    /// <summary>The schema of a whole object of the given kind; custom and unknown kinds get a deduced one.</summary>
    public static TypeSchema ForKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "" : apiVersion[..slash];
        return Roots.GetValueOrDefault((group, kind), CustomKind);
    }
}
