using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cli.Evaluation.Tasks;
using KubeMcp.Cluster;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>
/// The evaluation's own view of a task's cluster, as an administrator over the Kubernetes API (like kubectl in
/// k8s-bench): discovery, get, list and server-side apply. It trusts only the cluster's own certificate.
/// </summary>
internal sealed class ClusterClient : IDisposable
{
    private const string FieldManager = "kubemcp-eval";
    private readonly HttpClient _http;
    private List<ApiResourceInfo>? _resources;

    public ClusterClient(EmbeddedCluster cluster)
    {
        var authority = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(cluster.CertificateAuthorityData)));
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(authority.RawData),
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri(cluster.Url.GetLeftPart(UriPartial.Authority)), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cluster.AdminToken);
    }

    /// <summary>Finds a resource by kind, plural, singular or short name (core and apps first), optionally in one group/version.</summary>
    /// <exception cref="EvalException">No served resource has that name.</exception>
    public async Task<ApiResourceInfo> ResolveAsync(string kind, string? apiVersion, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (_resources is null || attempt == 1)
            {
                _resources = await DiscoverAsync(ct).ConfigureAwait(false);
            }
            var match = _resources.FirstOrDefault(r => r.IsNamed(kind) && (apiVersion is null || r.GroupVersion == apiVersion));
            if (match is not null)
            {
                return match;
            }
        }
        throw new EvalException($"the cluster serves no resource named {kind}{(apiVersion is null ? "" : $" in {apiVersion}")}");
    }

    /// <summary>The object, or null when it does not exist.</summary>
    public async Task<JsonObject?> GetAsync(ObjectReference reference, CancellationToken ct)
    {
        var resource = await ResolveAsync(reference.Kind, reference.ApiVersion, ct).ConfigureAwait(false);
        var path = resource.CollectionPath(resource.Namespaced ? reference.Namespace ?? "default" : null) + "/" + Uri.EscapeDataString(reference.Name);
        using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await ReadAsync(response, $"get {reference}", ct).ConfigureAwait(false);
    }

    /// <summary>The objects of a kind in a namespace (all namespaces when null), optionally by label selector.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string kind, string? ns, string? selector, CancellationToken ct)
    {
        var resource = await ResolveAsync(kind, null, ct).ConfigureAwait(false);
        var path = resource.CollectionPath(ns) + (selector is null ? "" : "?labelSelector=" + Uri.EscapeDataString(selector));
        using var response = await _http.GetAsync(path, ct).ConfigureAwait(false);
        var list = await ReadAsync(response, $"list {resource.Plural}", ct).ConfigureAwait(false);
        return [.. (list["items"] as JsonArray ?? []).OfType<JsonObject>()];
    }

    /// <summary>
    /// Creates or updates one object with server-side apply (as <c>kubectl apply --server-side --force-conflicts</c>);
    /// an object with only <c>generateName</c> is created.
    /// </summary>
    public async Task ApplyAsync(JsonObject obj, CancellationToken ct)
    {
        var apiVersion = obj["apiVersion"]?.ToString();
        var kind = obj["kind"]?.ToString();
        if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
        {
            throw new EvalException($"a manifest has no apiVersion or kind: {Truncate(obj.ToJsonString())}");
        }
        var resource = await ResolveAsync(kind, apiVersion, ct).ConfigureAwait(false);
        var ns = resource.Namespaced ? obj["metadata"]?["namespace"]?.ToString() ?? "default" : null;
        var name = obj["metadata"]?["name"]?.ToString();
        HttpResponseMessage response;
        if (string.IsNullOrEmpty(name))
        {
            using var body = new StringContent(obj.ToJsonString(), Encoding.UTF8, "application/json");
            response = await _http.PostAsync(resource.CollectionPath(ns), body, ct).ConfigureAwait(false);
        }
        else
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch,
                $"{resource.CollectionPath(ns)}/{Uri.EscapeDataString(name)}?fieldManager={FieldManager}&force=true")
            {
                Content = new StringContent(obj.ToJsonString(), Encoding.UTF8, "application/apply-patch+yaml"),
            };
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        using (response)
        {
            await ReadAsync(response, $"apply {kind} {name}", ct).ConfigureAwait(false);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<List<ApiResourceInfo>> DiscoverAsync(CancellationToken ct)
    {
        var result = new List<ApiResourceInfo>();
        using (var core = await _http.GetAsync("/api/v1", ct).ConfigureAwait(false))
        {
            result.AddRange(Resources(await ReadAsync(core, "discover /api/v1", ct).ConfigureAwait(false), "v1"));
        }
        using var groups = await _http.GetAsync("/apis", ct).ConfigureAwait(false);
        var list = await ReadAsync(groups, "discover /apis", ct).ConfigureAwait(false);
        var versions = (list["groups"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(g => g["preferredVersion"]?["groupVersion"]?.ToString())
            .OfType<string>()
            .OrderBy(gv => gv.StartsWith("apps/", StringComparison.Ordinal) ? 0 : gv.StartsWith("batch/", StringComparison.Ordinal) ? 1 : 2);
        foreach (var gv in versions)
        {
            using var response = await _http.GetAsync($"/apis/{gv}", ct).ConfigureAwait(false);
            result.AddRange(Resources(await ReadAsync(response, $"discover {gv}", ct).ConfigureAwait(false), gv));
        }
        return result;
    }

    private static IEnumerable<ApiResourceInfo> Resources(JsonObject list, string groupVersion) =>
        (list["resources"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(r => r["name"]?.ToString() is { } n && !n.Contains('/', StringComparison.Ordinal))
            .Select(r => new ApiResourceInfo(groupVersion, r["kind"]!.ToString(), r["name"]!.ToString(), r["singularName"]?.ToString(),
                r["namespaced"]?.GetValue<bool>() ?? false,
                [.. (r["shortNames"] as JsonArray ?? []).Select(s => s?.ToString()).OfType<string>()]));

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            string message;
            try
            {
                message = (JsonNode.Parse(text) as JsonObject)?["message"]?.ToString() ?? text;
            }
            catch (System.Text.Json.JsonException)
            {
                message = text;
            }
            throw new EvalException($"{what} failed ({(int)response.StatusCode}): {Truncate(message)}");
        }
        return JsonNode.Parse(text) as JsonObject ?? throw new EvalException($"{what}: the API server sent no JSON object");
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
