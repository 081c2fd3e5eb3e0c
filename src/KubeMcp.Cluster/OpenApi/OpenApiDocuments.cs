using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.OpenApi;

/// <summary>
/// The OpenAPI documents an API server serves for a resource catalog: the <c>/openapi/v3</c> index, one OpenAPI 3.0
/// document per group-version (<c>/openapi/v3/apis/apps/v1</c>) and the Swagger 2.0 document (<c>/openapi/v2</c>).
/// Documents are generated on first request and cached. When the catalog changes (a CRD is added), build a new
/// instance with <see cref="WithResources"/>: group-versions whose resources did not change reuse their documents.
/// </summary>
internal sealed class OpenApiDocuments
{
    /// <summary>The version reported in each document's <c>info.version</c>.</summary>
    public const string DefaultKubernetesVersion = "v1.32.4";

    private readonly Dictionary<string, ResourceType[]> _byGroupVersion;
    private readonly Dictionary<string, string> _fingerprints;
    private readonly ConcurrentDictionary<string, Lazy<OpenApiDocument>> _v3 = new(StringComparer.Ordinal);
    private readonly Lazy<OpenApiDocument> _index;
    private readonly Lazy<OpenApiDocument> _v2;
    private readonly string _version;

    public OpenApiDocuments(IEnumerable<ResourceType> resources, string kubernetesVersion = DefaultKubernetesVersion)
        : this(resources, kubernetesVersion, previous: null)
    {
    }

    private OpenApiDocuments(IEnumerable<ResourceType> resources, string kubernetesVersion, OpenApiDocuments? previous)
    {
        _version = kubernetesVersion;
        _byGroupVersion = resources
            .GroupBy(r => r.Group.Length == 0 ? $"api/{r.Version}" : $"apis/{r.Group}/{r.Version}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _fingerprints = _byGroupVersion.ToDictionary(
            kv => kv.Key, kv => GroupVersionContent.Fingerprint(kv.Value, kubernetesVersion), StringComparer.Ordinal);
        if (previous is not null)
        {
            foreach (var (path, fingerprint) in _fingerprints)
            {
                if (previous._fingerprints.GetValueOrDefault(path) == fingerprint && previous._v3.TryGetValue(path, out var built))
                {
                    _v3[path] = built;
                }
            }
        }
        _index = new(BuildIndex);
        _v2 = new(BuildV2);
    }

    /// <summary>The group-version paths documents exist for, e.g. <c>api/v1</c>, <c>apis/apps/v1</c>.</summary>
    public IReadOnlyCollection<string> GroupVersionPaths => _byGroupVersion.Keys;

    /// <summary>A new instance for a changed catalog, reusing the documents of unchanged group-versions.</summary>
    public OpenApiDocuments WithResources(IEnumerable<ResourceType> resources) => new(resources, _version, this);

    /// <summary><c>GET /openapi/v3</c>: each group-version's document URL, with its hash as the cache key.</summary>
    public OpenApiDocument GetV3Index() => _index.Value;

    /// <summary><c>GET /openapi/v3/{path}</c>, e.g. <c>api/v1</c> or <c>apis/apps/v1</c> (leading slash and query
    /// ignored); null when the group-version is not served.</summary>
    public OpenApiDocument? GetV3(string groupVersionPath)
    {
        var path = groupVersionPath.Split('?')[0].Trim('/');
        if (!_byGroupVersion.TryGetValue(path, out var resources))
        {
            return null;
        }
        return _v3.GetOrAdd(path, p => new Lazy<OpenApiDocument>(() =>
            new OpenApiDocument(new GroupVersionContent(resources, SchemaDialect.OpenApi3).Serialize(_version), _fingerprints[p]))).Value;
    }

    /// <summary>
    /// Builds every OpenAPI v3 document now. The first build reads the KubernetesClient XML docs (about two seconds);
    /// call this on a background thread at startup so the first <c>kubectl apply</c> does not wait for it.
    /// </summary>
    public void Prebuild()
    {
        foreach (var path in GroupVersionPaths)
        {
            GetV3(path);
        }
    }

    /// <summary><c>GET /openapi/v2</c>: every resource's paths and definitions in one Swagger 2.0 document.</summary>
    public OpenApiDocument GetV2() => _v2.Value;

    private OpenApiDocument BuildIndex()
    {
        var paths = new JsonObject();
        foreach (var path in _byGroupVersion.Keys.Order(StringComparer.Ordinal))
        {
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={_fingerprints[path]}" };
        }
        var index = new JsonObject { ["paths"] = paths };
        var content = System.Text.Encoding.UTF8.GetBytes(index.ToJsonString());
        return new OpenApiDocument(content, Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(content)));
    }

    private OpenApiDocument BuildV2()
    {
        var all = _byGroupVersion.Values.SelectMany(r => r).ToArray();
        var content = new GroupVersionContent(all, SchemaDialect.Swagger2).Serialize(_version);
        return new OpenApiDocument(content, Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(content)));
    }
}
