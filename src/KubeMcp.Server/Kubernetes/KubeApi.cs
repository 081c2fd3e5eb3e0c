using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace KubeMcp.Server.Kubernetes;

/// <summary>
/// The REST surface of one cluster context, spoken directly so any resource (built-in, CRD, aggregated) and any
/// representation (JSON, Table, text) can be requested. Failures surface as <see cref="KubeApiException"/> or
/// <see cref="ClusterUnreachableException"/>, never as raw HTTP exceptions.
/// </summary>
internal sealed class KubeApi : IDisposable
{
    public const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
    private const string FieldManager = "kubemcp";
    private readonly k8s.Kubernetes _client;

    public KubeApi(k8s.Kubernetes client, KubeContextInfo context)
    {
        _client = client;
        Context = context;
        Resources = new ResourceResolver(this);
    }

    /// <summary>The typed client, for the calls that need its protocol support (exec over WebSocket).</summary>
    public IKubernetes Client => _client;

    public KubeContextInfo Context { get; }

    public Uri Server => _client.BaseUri;

    public string DefaultNamespace => Context.Namespace;

    public ResourceResolver Resources { get; }

    public async Task<JsonObject> GetObjectAsync(ApiResource resource, string? ns, string name, CancellationToken ct) =>
        await Targeted(new ApiTarget(resource, ns, name, "get"),
            () => SendJsonAsync(HttpMethod.Get, resource.PathFor(ns, name), null, null, ct));

    public async Task<JsonObject> ListAsync(ApiResource resource, string? ns, ListQuery query, bool asTable, CancellationToken ct) =>
        await Targeted(new ApiTarget(resource, ns, null, "list"),
            () => SendJsonAsync(HttpMethod.Get, resource.PathFor(ns) + query.ToQueryString(asTable), null, null, ct,
                asTable ? TableAccept : "application/json"));

    public async Task<JsonObject> CreateAsync(ApiResource resource, string? ns, JsonObject body, CancellationToken ct) =>
        await Targeted(new ApiTarget(resource, ns, body["metadata"]?["name"]?.GetValue<string>(), "create"),
            () => SendJsonAsync(HttpMethod.Post, resource.PathFor(ns) + $"?fieldManager={FieldManager}", body, "application/json", ct));

    /// <summary>Server-side apply with force: the manifest becomes the object's desired state for this field manager.</summary>
    public async Task<JsonObject> ApplyAsync(ApiResource resource, string? ns, string name, JsonObject body, CancellationToken ct) =>
        await Targeted(new ApiTarget(resource, ns, name, "patch"),
            () => SendJsonAsync(HttpMethod.Patch, resource.PathFor(ns, name) + $"?fieldManager={FieldManager}&force=true", body,
                "application/apply-patch+yaml", ct));

    public async Task<JsonObject> MergePatchAsync(ApiResource resource, string? ns, string name, string? subresource, JsonObject patch, CancellationToken ct) =>
        await Targeted(new ApiTarget(resource, ns, name, "patch"),
            () => SendJsonAsync(HttpMethod.Patch, resource.PathFor(ns, name, subresource), patch, "application/merge-patch+json", ct));

    public async Task<JsonObject> GetSubresourceAsync(ApiResource resource, string? ns, string name, string subresource, CancellationToken ct) =>
        await Targeted(new ApiTarget(resource, ns, name, "get"),
            () => SendJsonAsync(HttpMethod.Get, resource.PathFor(ns, name, subresource), null, null, ct));

    public async Task<JsonObject> DeleteAsync(ApiResource resource, string? ns, string name, long? gracePeriodSeconds, CancellationToken ct)
    {
        var body = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["propagationPolicy"] = "Background" };
        if (gracePeriodSeconds is long grace)
        {
            body["gracePeriodSeconds"] = grace;
        }
        return await Targeted(new ApiTarget(resource, ns, name, "delete"),
            () => SendJsonAsync(HttpMethod.Delete, resource.PathFor(ns, name), body, "application/json", ct));
    }

    /// <summary>A text endpoint such as pods/log or a node proxy path.</summary>
    public async Task<string> GetTextAsync(ApiTarget target, string pathAndQuery, CancellationToken ct) =>
        await Targeted(target, async () =>
        {
            using var response = await SendAsync(HttpMethod.Get, pathAndQuery, null, null, "*/*", ct);
            return await response.Content.ReadAsStringAsync(ct);
        });

    public async Task<JsonObject> SendJsonAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType,
        CancellationToken ct, string accept = "application/json")
    {
        using var response = await SendAsync(method, pathAndQuery, body, contentType, accept, ct);
        try
        {
            // Parsed from the bytes: a list of hundreds of objects need not exist as one string first.
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            return await JsonNode.ParseAsync(stream, cancellationToken: ct) as JsonObject
                ?? throw new KubeApiException((int)response.StatusCode, "InternalError", $"the API server sent a non-object answer to {method} {pathAndQuery}");
        }
        catch (JsonException)
        {
            throw new KubeApiException((int)response.StatusCode, "InternalError", $"the API server sent something that is not JSON to {method} {pathAndQuery}");
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body, string? contentType,
        string accept, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(Server, pathAndQuery.TrimStart('/')));
        request.Headers.Accept.ParseAdd(accept);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }
        if (_client.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, ct);
        }
        HttpResponseMessage response;
        try
        {
            response = await _client.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw new ClusterUnreachableException(Server, Describe(e), e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new ClusterUnreachableException(Server, $"no answer in time (an attempt timed out after {e.Timeout.TotalSeconds:0.#} s)", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            throw new ClusterUnreachableException(Server,
                "the API server failed repeatedly, so calls to it are paused for a few seconds (circuit breaker open); try again shortly", e);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new ClusterUnreachableException(Server, "no answer in time (the request timed out)", e);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ToExceptionAsync(response, ct);
        }
    }

    private static string Describe(HttpRequestException e)
    {
        var root = e.GetBaseException();
        return root == e ? e.Message : $"{e.Message} ({root.Message})";
    }

    private static async Task<KubeApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var code = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            if (JsonNode.Parse(text) is JsonObject status && status["kind"]?.GetValue<string>() == "Status")
            {
                return new KubeApiException(code, status["reason"]?.GetValue<string>() ?? response.StatusCode.ToString(),
                    status["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "request failed");
            }
        }
        catch (JsonException)
        {
        }
        var reason = response.StatusCode switch
        {
            HttpStatusCode.NotFound => "NotFound",
            HttpStatusCode.Forbidden => "Forbidden",
            HttpStatusCode.Unauthorized => "Unauthorized",
            _ => response.StatusCode.ToString(),
        };
        var message = string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? reason : text.Trim();
        return new KubeApiException(code, reason, message.Length > 500 ? message[..500] : message);
    }

    private static async Task<T> Targeted<T>(ApiTarget target, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (KubeApiException e) when (e.Target is null)
        {
            throw e.WithTarget(target);
        }
    }
}
