using KubeMcp.Cluster.Authentication;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// What a request asks to do, in the terms authorizers decide on (kube-apiserver's <c>authorizer.Attributes</c>).
/// Resource requests name a verb on group/resource[/subresource] in a namespace (or the cluster scope);
/// non-resource requests name a verb (the lower-cased HTTP method) on a URL path.
/// </summary>
internal sealed record RequestAttributes
{
    public UserInfo User { get; init; } = UserInfo.Anonymous;

    public string Verb { get; init; } = "";

    public bool IsResourceRequest { get; init; }

    public string ApiGroup { get; init; } = "";

    public string ApiVersion { get; init; } = "";

    public string Resource { get; init; } = "";

    public string Subresource { get; init; } = "";

    /// <summary>Empty for cluster-scoped requests and for requests across all namespaces.</summary>
    public string Namespace { get; init; } = "";

    /// <summary>Empty for collection requests.</summary>
    public string Name { get; init; } = "";

    /// <summary>The URL path; what non-resource rules match.</summary>
    public string Path { get; init; } = "";

    public static RequestAttributes ForResource(UserInfo user, string verb, string apiGroup, string resource,
        string @namespace = "", string name = "", string subresource = "") => new()
    {
        User = user,
        Verb = verb,
        IsResourceRequest = true,
        ApiGroup = apiGroup,
        Resource = resource,
        Subresource = subresource,
        Namespace = @namespace,
        Name = name,
    };

    public static RequestAttributes ForPath(UserInfo user, string verb, string path) => new()
    {
        User = user,
        Verb = verb,
        Path = path,
    };

    /// <summary><c>pods</c> or <c>pods/log</c>: the form rules list resources in.</summary>
    public string ResourceWithSubresource => Subresource.Length == 0 ? Resource : $"{Resource}/{Subresource}";
}
