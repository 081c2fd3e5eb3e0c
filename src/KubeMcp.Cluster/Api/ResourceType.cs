namespace KubeMcp.Cluster.Api;

/// <summary>
/// One resource the API server serves at one group-version: what discovery lists and what the REST handler routes to.
/// </summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version within the group, e.g. <c>v1</c>.</param>
/// <param name="Kind">The object kind, e.g. <c>Pod</c>.</param>
/// <param name="Plural">The resource name in URLs, e.g. <c>pods</c>.</param>
/// <param name="Namespaced">Whether objects live in a namespace.</param>
/// <param name="ShortNames">kubectl short names, e.g. <c>po</c>.</param>
/// <param name="Verbs">Verbs as discovery reports them.</param>
/// <param name="Categories">Discovery categories, e.g. <c>all</c>.</param>
/// <param name="Subresources">Subresources served, e.g. <c>status</c>, <c>scale</c>, <c>log</c>.</param>
public sealed record ResourceType(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Subresources)
{
    /// <summary>The lower-case singular name discovery reports.</summary>
    public string Singular => Kind.ToLowerInvariant();

    /// <summary><c>v1</c> for the core group, <c>group/version</c> otherwise.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The key objects of this resource are stored under, shared by every version of the resource.</summary>
    public string StorageKey => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>
    /// Reviews (access reviews, token reviews) are computed per request and never stored, like a real API server's
    /// create-only virtual resources.
    /// </summary>
    public bool IsVirtual => Verbs.Count == 1 && Verbs[0] == "create";

    /// <summary>The CLR model in KubernetesClient that describes this kind's schema, when one exists.</summary>
    public Type? ModelType { get; init; }

    /// <summary>For custom resources: the CRD's schema (<c>openAPIV3Schema</c>) and printer columns.</summary>
    public System.Text.Json.Nodes.JsonObject? CustomResourceVersion { get; init; }

    /// <summary>True when the resource is served from a CustomResourceDefinition.</summary>
    public bool IsCustom => CustomResourceVersion is not null;

    /// <summary>The URL path of the collection in the given namespace (or cluster-wide when null).</summary>
    public string CollectionPath(string? ns)
    {
        var prefix = Group.Length == 0 ? "/api/v1" : $"/apis/{Group}/{Version}";
        return Namespaced && ns is not null ? $"{prefix}/namespaces/{ns}/{Plural}" : $"{prefix}/{Plural}";
    }

    public bool Supports(string verb) => Verbs.Contains(verb);

    public override string ToString() => $"{Plural}.{ApiVersion}";
}
