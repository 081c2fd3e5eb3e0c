namespace KubeMcp.Cluster.Registry;

/// <summary>The list/watch query parameters of the Kubernetes API.</summary>
internal sealed record ListOptions(
    string? LabelSelector = null,
    string? FieldSelector = null,
    int? Limit = null,
    string? Continue = null);
