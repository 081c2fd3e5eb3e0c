namespace KubeMcp.Cluster.Api;

/// <summary>
/// The resources a Kubernetes 1.32 API server serves out of the box (what <c>kubectl api-resources</c> lists on a
/// fresh 1.32 cluster with metrics-server), with the short names, verbs, categories and subresources it reports.
/// </summary>
internal static class BuiltinResources
{
    private static readonly string[] All = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
    private static readonly string[] NoCollectionDelete = ["create", "delete", "get", "list", "patch", "update", "watch"];
    private static readonly string[] CreateOnly = ["create"];
    private static readonly string[] ReadOnly = ["get", "list"];
    private static readonly string[] Status = ["status"];
    private static readonly string[] StatusScale = ["status", "scale"];
    private static readonly string[] AllCategory = ["all"];
    private static readonly string[] None = [];

    public static IReadOnlyList<ResourceType> Create() =>
    [
        // core/v1
        R("", "v1", "Binding", "bindings", true, verbs: CreateOnly),
        R("", "v1", "ComponentStatus", "componentstatuses", false, ["cs"], ReadOnly),
        R("", "v1", "ConfigMap", "configmaps", true, ["cm"]),
        R("", "v1", "Endpoints", "endpoints", true, ["ep"]),
        R("", "v1", "Event", "events", true, ["ev"]),
        R("", "v1", "LimitRange", "limitranges", true, ["limits"]),
        R("", "v1", "Namespace", "namespaces", false, ["ns"], NoCollectionDelete, sub: ["status", "finalize"]),
        R("", "v1", "Node", "nodes", false, ["no"], sub: ["status", "proxy"]),
        R("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, ["pvc"], sub: Status),
        R("", "v1", "PersistentVolume", "persistentvolumes", false, ["pv"], sub: Status),
        R("", "v1", "Pod", "pods", true, ["po"], cat: AllCategory,
            sub: ["attach", "binding", "ephemeralcontainers", "eviction", "exec", "log", "portforward", "proxy", "resize", "status"]),
        R("", "v1", "PodTemplate", "podtemplates", true),
        R("", "v1", "ReplicationController", "replicationcontrollers", true, ["rc"], cat: AllCategory, sub: StatusScale),
        R("", "v1", "ResourceQuota", "resourcequotas", true, ["quota"], sub: Status),
        R("", "v1", "Secret", "secrets", true),
        R("", "v1", "ServiceAccount", "serviceaccounts", true, ["sa"], sub: ["token"]),
        R("", "v1", "Service", "services", true, ["svc"], cat: AllCategory, sub: ["proxy", "status"]),

        R("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration", "mutatingwebhookconfigurations", false, cat: ["api-extensions"]),
        R("admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicy", "validatingadmissionpolicies", false, cat: ["api-extensions"], sub: Status),
        R("admissionregistration.k8s.io", "v1", "ValidatingAdmissionPolicyBinding", "validatingadmissionpolicybindings", false, cat: ["api-extensions"]),
        R("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration", "validatingwebhookconfigurations", false, cat: ["api-extensions"]),
        R("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false, ["crd", "crds"], cat: ["api-extensions"], sub: Status),
        R("apiregistration.k8s.io", "v1", "APIService", "apiservices", false, cat: ["api-extensions"], sub: Status),

        R("apps", "v1", "ControllerRevision", "controllerrevisions", true),
        R("apps", "v1", "DaemonSet", "daemonsets", true, ["ds"], cat: AllCategory, sub: Status),
        R("apps", "v1", "Deployment", "deployments", true, ["deploy"], cat: AllCategory, sub: StatusScale),
        R("apps", "v1", "ReplicaSet", "replicasets", true, ["rs"], cat: AllCategory, sub: StatusScale),
        R("apps", "v1", "StatefulSet", "statefulsets", true, ["sts"], cat: AllCategory, sub: StatusScale),

        R("authentication.k8s.io", "v1", "SelfSubjectReview", "selfsubjectreviews", false, verbs: CreateOnly),
        R("authentication.k8s.io", "v1", "TokenReview", "tokenreviews", false, verbs: CreateOnly),
        R("authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", true, verbs: CreateOnly),
        R("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, verbs: CreateOnly),
        R("authorization.k8s.io", "v1", "SelfSubjectRulesReview", "selfsubjectrulesreviews", false, verbs: CreateOnly),
        R("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false, verbs: CreateOnly),

        // autoscaling/v2 is the preferred version; v1 is still served from the same storage.
        R("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"], cat: AllCategory, sub: Status),
        R("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, ["hpa"], cat: AllCategory, sub: Status),

        R("batch", "v1", "CronJob", "cronjobs", true, ["cj"], cat: AllCategory, sub: Status),
        R("batch", "v1", "Job", "jobs", true, cat: AllCategory, sub: Status),
        R("certificates.k8s.io", "v1", "CertificateSigningRequest", "certificatesigningrequests", false, ["csr"], sub: ["approval", "status"]),
        R("coordination.k8s.io", "v1", "Lease", "leases", true),
        R("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true),
        R("events.k8s.io", "v1", "Event", "events", true, ["ev"]),
        R("flowcontrol.apiserver.k8s.io", "v1", "FlowSchema", "flowschemas", false, sub: Status),
        R("flowcontrol.apiserver.k8s.io", "v1", "PriorityLevelConfiguration", "prioritylevelconfigurations", false, sub: Status),
        R("metrics.k8s.io", "v1beta1", "NodeMetrics", "nodes", false, verbs: ReadOnly),
        R("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", true, verbs: ReadOnly),
        R("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false),
        R("networking.k8s.io", "v1", "Ingress", "ingresses", true, ["ing"], sub: Status),
        R("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, ["netpol"]),
        R("node.k8s.io", "v1", "RuntimeClass", "runtimeclasses", false),
        R("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, ["pdb"], sub: Status),
        R("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
        R("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
        R("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
        R("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
        R("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", false, ["pc"]),
        R("storage.k8s.io", "v1", "CSIDriver", "csidrivers", false),
        R("storage.k8s.io", "v1", "CSINode", "csinodes", false),
        R("storage.k8s.io", "v1", "CSIStorageCapacity", "csistoragecapacities", true),
        R("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, ["sc"]),
        R("storage.k8s.io", "v1", "VolumeAttachment", "volumeattachments", false, sub: Status),
    ];

    private static ResourceType R(
        string group, string version, string kind, string plural, bool namespaced,
        string[]? shortNames = null, string[]? verbs = null, string[]? cat = null, string[]? sub = null) =>
        new(group, version, kind, plural, namespaced, shortNames ?? None, verbs ?? All, cat ?? None, sub ?? None)
        {
            ModelType = ModelTypes.Find(group, version, kind),
        };
}
