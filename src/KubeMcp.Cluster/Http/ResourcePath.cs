using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// A resource URL taken apart: <c>/api/v1/namespaces/{ns}/{plural}/{name}/{subresource}</c> or
/// <c>/apis/{group}/{version}/…</c>.
/// </summary>
internal sealed record ResourcePath(ResourceType Type, string? Namespace, string? Name, string? Subresource, string? SubPath)
{
    /// <summary>
    /// Parses the segments after the group-version prefix. Returns null for a path that names no resource; throws 404
    /// for an unknown resource the way the API server does.
    /// </summary>
    public static ResourcePath? Parse(ResourceCatalog catalog, string group, string version, string[] segments)
    {
        if (segments.Length == 0)
        {
            return null;
        }
        string? ns = null;
        var rest = segments;
        if (segments[0] == "namespaces" && segments.Length >= 3 && segments[2] is not ("status" or "finalize"))
        {
            ns = segments[1];
            rest = segments[2..];
        }
        var type = catalog.Find(group, version, rest[0]) ?? throw NotFound(rest[0]);
        if (ns is not null && !type.Namespaced)
        {
            throw NotFound(rest[0]);
        }
        var name = rest.Length > 1 ? rest[1] : null;
        var sub = rest.Length > 2 ? rest[2] : null;
        var subPath = rest.Length > 3 ? string.Join('/', rest[3..]) : null;
        if (sub is not null && !type.Subresources.Contains(sub))
        {
            throw NotFound($"{rest[0]}/{sub}");
        }
        if (name is not null && (name.Length == 0 || name is "." or ".."))
        {
            throw ApiException.BadRequest($"invalid resource name \"{name}\": may not be '.' or '..' or empty");
        }
        return new ResourcePath(type, ns, name, sub, subPath);
    }

    private static ApiException NotFound(string resource) =>
        new(404, "NotFound", "the server could not find the requested resource");
}
