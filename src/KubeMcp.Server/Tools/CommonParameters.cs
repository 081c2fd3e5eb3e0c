namespace KubeMcp.Server.Tools;

/// <summary>Parameter definitions several tools share, with descriptions written for a model.</summary>
internal static class CommonParameters
{
    public static ToolParameter LabelSelector(string things) => ToolParameter.String("labelSelector",
        $"Only {things} whose labels match, e.g. 'app=web', 'app=web,tier!=cache' or 'env in (prod,staging)' (optional).");

    public static ToolParameter FieldSelector(string things, string fields) => ToolParameter.String("fieldSelector",
        $"Only {things} whose fields match, e.g. {fields} (optional). Operators: =, ==, !=; join several with commas.");

    public const string PodFieldExamples =
        "'status.phase=Running', 'spec.nodeName=node-1' or 'status.phase!=Succeeded'. Supported: metadata.name, metadata.namespace, " +
        "spec.nodeName, spec.restartPolicy, spec.schedulerName, spec.serviceAccountName, status.phase, status.podIP, status.nominatedNodeName. " +
        "CrashLoopBackOff is a container state, not a phase: list the pods and read STATUS instead";

    public static ToolParameter ApiVersion() => ToolParameter.String("apiVersion",
        "apiVersion of the resource: 'v1' for core kinds (Pod, Service, ConfigMap, Secret, Node), 'apps/v1' (Deployment, StatefulSet, DaemonSet), " +
        "'batch/v1' (Job, CronJob), 'networking.k8s.io/v1' (Ingress), or a CRD's group/version.", required: true);

    public static ToolParameter Kind() => ToolParameter.String("kind",
        "Kind of the resource, e.g. Pod, Service, Deployment, ConfigMap, Ingress (case-insensitive; the plural resource name also works).", required: true);

    public static ToolParameter Namespace(string what, bool required = false) => ToolParameter.String("namespace", what, required);
}
