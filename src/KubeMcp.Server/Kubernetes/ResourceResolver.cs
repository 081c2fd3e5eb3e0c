using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Kubernetes;

/// <summary>
/// Maps an apiVersion and kind (as a model writes them, in any case, also plural or short names) to the resource
/// the API server serves, through discovery, cached per group version.
/// </summary>
internal sealed class ResourceResolver(KubeApi api)
{
    private readonly ConcurrentDictionary<string, Task<IReadOnlyList<ApiResource>>> _byGroupVersion = new(StringComparer.Ordinal);

    public async Task<ApiResource> ResolveAsync(string apiVersion, string kind, CancellationToken ct)
    {
        var (group, version) = SplitApiVersion(apiVersion);
        var resources = await LoadAsync(group, version, ct);
        var found = Match(resources, kind);
        if (found is null)
        {
            // A CRD installed since the last look: read discovery once more before giving up.
            _byGroupVersion.TryRemove(apiVersion, out _);
            resources = await LoadAsync(group, version, ct);
            found = Match(resources, kind);
        }
        return found ?? throw new ToolArgumentException("kind",
            $"apiVersion {apiVersion} has no kind '{kind}'; kinds there: {string.Join(", ", resources.Select(r => r.Kind).Distinct().Order())}");
    }

    public static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var parts = apiVersion.Trim().Split('/');
        return parts switch
        {
            [var v] when v.Length > 0 => ("", v),
            [var g, var v] when g.Length > 0 && v.Length > 0 => (g, v),
            _ => throw new ToolArgumentException("apiVersion", $"'{apiVersion}' is not an apiVersion; write it as 'v1' or 'group/version', e.g. 'apps/v1'"),
        };
    }

    private static ApiResource? Match(IReadOnlyList<ApiResource> resources, string kind)
    {
        var k = kind.Trim();
        return resources.FirstOrDefault(r => string.Equals(r.Kind, k, StringComparison.OrdinalIgnoreCase))
            ?? resources.FirstOrDefault(r => string.Equals(r.Plural, k, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IReadOnlyList<ApiResource>> LoadAsync(string group, string version, CancellationToken ct)
    {
        var key = group.Length == 0 ? version : $"{group}/{version}";
        var task = _byGroupVersion.GetOrAdd(key, _ => FetchAsync(group, version, ct));
        try
        {
            return await task;
        }
        catch
        {
            _byGroupVersion.TryRemove(key, out _);
            throw;
        }
    }

    private async Task<IReadOnlyList<ApiResource>> FetchAsync(string group, string version, CancellationToken ct)
    {
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        JsonObject list;
        try
        {
            list = await api.SendJsonAsync(HttpMethod.Get, path, null, null, ct);
        }
        catch (KubeApiException e) when (e.StatusCode == 404)
        {
            var apiVersion = group.Length == 0 ? version : $"{group}/{version}";
            throw new ToolArgumentException("apiVersion",
                $"the cluster does not serve apiVersion {apiVersion} (check the group and version; e.g. Deployment is apps/v1, Ingress is networking.k8s.io/v1)");
        }
        var result = new List<ApiResource>();
        foreach (var node in list["resources"]?.AsArray() ?? [])
        {
            if (node is not JsonObject r || r["name"]?.GetValue<string>() is not { } name || name.Contains('/'))
            {
                continue;
            }
            result.Add(new ApiResource(group, version, r["kind"]?.GetValue<string>() ?? name, name,
                r["namespaced"]?.GetValue<bool>() ?? false));
        }
        return result;
    }
}
