namespace KubeMcp.Server.Kubernetes;

/// <summary>One resource the API server serves, as discovery describes it.</summary>
internal sealed record ApiResource(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public static readonly ApiResource Pods = new("", "v1", "Pod", "pods", true);
    public static readonly ApiResource Namespaces = new("", "v1", "Namespace", "namespaces", false);
    public static readonly ApiResource Nodes = new("", "v1", "Node", "nodes", false);
    public static readonly ApiResource Events = new("", "v1", "Event", "events", true);
    public static readonly ApiResource Services = new("", "v1", "Service", "services", true);
    public static readonly ApiResource Secrets = new("", "v1", "Secret", "secrets", true);
    public static readonly ApiResource PodMetrics = new("metrics.k8s.io", "v1beta1", "PodMetrics", "pods", true);
    public static readonly ApiResource NodeMetrics = new("metrics.k8s.io", "v1beta1", "NodeMetrics", "nodes", false);
    public static readonly ApiResource Projects = new("project.openshift.io", "v1", "Project", "projects", false);

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The word a person would use: <c>pod</c>, <c>deployment</c>.</summary>
    public string Noun => Kind.ToLowerInvariant();

    /// <summary>The URL path of a collection or one object, e.g. <c>/apis/apps/v1/namespaces/web/deployments/api</c>.</summary>
    public string PathFor(string? ns, string? name = null, string? subresource = null)
    {
        var path = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        if (Namespaced && !string.IsNullOrEmpty(ns))
        {
            path += $"/namespaces/{Uri.EscapeDataString(ns)}";
        }
        path += $"/{Plural}";
        if (name is not null)
        {
            path += $"/{Uri.EscapeDataString(name)}";
        }
        if (subresource is not null)
        {
            path += $"/{subresource}";
        }
        return path;
    }
}
