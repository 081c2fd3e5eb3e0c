using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// Malformed, oversized, mistyped and misdirected requests get the status a real API server gives, as a Status
/// object: never a 500, never a hang, never a half-written object.
/// </summary>
public sealed class BadInputTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>, IAsyncLifetime
{
    private const string Ns = "bad-input";
    private const string ConfigMaps = $"/api/v1/namespaces/{Ns}/configmaps";

    private readonly HttpClient _http = ClusterHttp.Create(fixture.Cluster);

    public async ValueTask InitializeAsync()
    {
        if ((await _http.GetAsync($"/api/v1/namespaces/{Ns}", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.NotFound)
        {
            await SendAsync(HttpMethod.Post, "/api/v1/namespaces", """{"metadata":{"name":"bad-input"}}""", expected: 201);
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends a request and returns the response's Status (or object); checks the code and that errors are Status objects.</summary>
    private async Task<JsonObject> SendAsync(HttpMethod method, string path, string? body = null, string contentType = "application/json",
        int? expected = null, string? reason = null)
    {
        return await SendBytesAsync(method, path, body is null ? null : Encoding.UTF8.GetBytes(body), contentType, expected, reason);
    }

    private async Task<JsonObject> SendBytesAsync(HttpMethod method, string path, byte[]? body, string contentType, int? expected, string? reason)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValueParse(contentType);
        }
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var code = (int)response.StatusCode;
        Assert.True(code < 500, $"{method} {path} answered {code}: {text}");
        if (expected is int e)
        {
            Assert.True(code == e, $"{method} {path}: expected {e}, got {code}: {text}");
        }
        var json = JsonNode.Parse(text)!.AsObject();
        if (code >= 400)
        {
            Assert.Equal("Status", json["kind"]!.ToString());
            Assert.Equal("Failure", json["status"]!.ToString());
            Assert.Equal(code, json["code"]!.GetValue<int>());
            if (reason is not null)
            {
                Assert.Equal(reason, json["reason"]!.ToString());
            }
        }
        return json;
    }

    private static System.Net.Http.Headers.MediaTypeHeaderValue MediaTypeHeaderValueParse(string value) =>
        System.Net.Http.Headers.MediaTypeHeaderValue.Parse(value);

    private async Task AssertNothingWasStoredAsync()
    {
        var list = await SendAsync(HttpMethod.Get, ConfigMaps, expected: 200);
        Assert.Equal(["kube-root-ca.crt"], list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.ToString()));
    }

    [Theory]
    [InlineData("{bad", "application/json")]
    [InlineData("""{"metadata":{"name":"x"}""", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("\"a string\"", "application/json")]
    [InlineData("", "application/json")]
    [InlineData("metadata: [\nname: x", "application/yaml")]
    [InlineData("metadata: {name: x", "application/yaml")]
    [InlineData("metadata:\n  name: x\nmetadata:\n  name: y", "application/yaml")]
    [InlineData("metadata: name: x", "application/yaml")]
    [InlineData("- a\n- b", "application/yaml")]
    [InlineData("a: 1\n---\nb: 2", "application/yaml")]
    [InlineData("not protobuf", "application/vnd.kubernetes.protobuf")]
    public async Task MalformedBodies_Are400BadRequest(string body, string contentType)
    {
        await SendAsync(HttpMethod.Post, ConfigMaps, body, contentType, expected: 400, reason: "BadRequest");
        await AssertNothingWasStoredAsync();
    }

    [Fact]
    public async Task HostileYaml_IsRefusedAndTheServerStaysUp()
    {
        var deep = "metadata: " + new string('[', 100_000) + new string(']', 100_000);
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        await SendAsync(HttpMethod.Post, ConfigMaps, deep, "application/yaml", expected: 400);
        await SendAsync(HttpMethod.Post, ConfigMaps, bomb.ToString(), "application/yaml", expected: 400);
        await SendAsync(HttpMethod.Post, ConfigMaps, "[" + new string('[', 100_000), expected: 400);

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/readyz", TestContext.Current.CancellationToken)).StatusCode);
        await AssertNothingWasStoredAsync();
    }

    [Fact]
    public async Task RandomBytes_InEveryBodyFormat_NeverCauseA500()
    {
        var random = new Random(20261125);
        foreach (var contentType in new[] { "application/json", "application/yaml", "application/vnd.kubernetes.protobuf", "application/merge-patch+json" })
        {
            for (var i = 0; i < 40; i++)
            {
                var body = new byte[random.Next(1, 400)];
                random.NextBytes(body);
                if (i % 2 == 0)
                {
                    // Half of them start like a real body so the parsers get past the first byte.
                    var prefix = contentType.Contains("protobuf", StringComparison.Ordinal) ? "k8s\0\n\u0002v1\u0012\tConfigMap\u001a" : "{\"metadata\":{\"name\":";
                    body = [.. Encoding.Latin1.GetBytes(prefix), .. body];
                }
                var method = contentType.Contains("patch", StringComparison.Ordinal) ? HttpMethod.Patch : HttpMethod.Post;
                await SendBytesAsync(method, method == HttpMethod.Patch ? ConfigMaps + "/kube-root-ca.crt" : ConfigMaps, body, contentType, null, null);
            }
        }
        await AssertNothingWasStoredAsync();
    }

    [Theory]
    [InlineData("/api/v1/namespaces/bad-input/widgets")]
    [InlineData("/api/v1/widgets")]
    [InlineData("/apis/example.com/v1/widgets")]
    [InlineData("/apis/apps/v2/deployments")]
    [InlineData("/api/v2/pods")]
    [InlineData("/api/v1/namespaces/bad-input/configmaps/x/frobnicate")]
    [InlineData("/api/v1/namespaces/bad-input/nodes")]
    [InlineData("/nothing/here")]
    public async Task UnknownResources_Are404NotFound(string path) =>
        await SendAsync(HttpMethod.Get, path, expected: 404, reason: "NotFound");

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task UnsupportedBodyTypes_Are415(string contentType)
    {
        await SendAsync(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"typed"}}""", contentType, expected: 415, reason: "UnsupportedMediaType");
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/kube-root-ca.crt", "{}", contentType, expected: 415, reason: "UnsupportedMediaType");
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/kube-root-ca.crt", "{}", "application/json", expected: 415, reason: "UnsupportedMediaType");
        await AssertNothingWasStoredAsync();
    }

    [Fact]
    public async Task OversizedBodies_Are413_WithOrWithoutAContentLength()
    {
        var padding = new string('x', 3 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes(ConfigMap("huge", padding));

        await SendBytesAsync(HttpMethod.Post, ConfigMaps, body, "application/json", 413, "RequestEntityTooLarge");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, ConfigMaps) { Content = new StreamContent(new NonSeekableStream(body)) };
        chunked.Content.Headers.ContentType = new("application/json");
        using var response = await _http.SendAsync(chunked, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingWasStoredAsync();
    }

    [Fact]
    public async Task ObjectsAboveTheSizeLimitOfTheirKind_Are422()
    {
        var body = ConfigMap("big", new string('x', 2 * 1024 * 1024));

        var status = await SendAsync(HttpMethod.Post, ConfigMaps, body, expected: 422, reason: "Invalid");

        Assert.Contains("Too long: must have at most 1048576 bytes", status["message"]!.ToString());
        await AssertNothingWasStoredAsync();
    }

    [Theory]
    [InlineData("labelSelector=a%20b")]
    [InlineData("labelSelector=app%20in%20(x")]
    [InlineData("labelSelector=app%3D-x")]
    [InlineData("fieldSelector=foo")]
    [InlineData("fieldSelector=spec.image%3Dnginx")]
    [InlineData("limit=abc")]
    [InlineData("continue=garbage&limit=1")]
    public async Task InvalidListParameters_Are400(string query)
    {
        await SendAsync(HttpMethod.Get, $"/api/v1/namespaces/{Ns}/pods?{query}", expected: 400, reason: "BadRequest");
        if (!query.StartsWith("continue", StringComparison.Ordinal) && !query.StartsWith("limit", StringComparison.Ordinal))
        {
            await SendAsync(HttpMethod.Get, $"/api/v1/namespaces/{Ns}/pods?watch=true&{query}", expected: 400, reason: "BadRequest");
        }
    }

    [Fact]
    public async Task InvalidNames_Are422WithACausePerField()
    {
        var bad = await SendAsync(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"Bad_Name","labels":{"bad key":"v"}}}""", expected: 422, reason: "Invalid");
        var missing = await SendAsync(HttpMethod.Post, ConfigMaps, """{"metadata":{}}""", expected: 422, reason: "Invalid");
        var tooLong = await SendAsync(HttpMethod.Post, ConfigMaps, ConfigMap(new string('a', 254), ""), expected: 422, reason: "Invalid");

        var causes = bad["details"]!["causes"]!.AsArray().Select(c => (c!["field"]!.ToString(), c["reason"]!.ToString())).ToList();
        Assert.Contains(("metadata.name", "FieldValueInvalid"), causes);
        Assert.Contains(("metadata.labels", "FieldValueInvalid"), causes);
        Assert.Equal("configmap", bad["details"]!["kind"]!.ToString());
        Assert.Equal("ConfigMap \"\" is invalid: metadata.name: Required value: name or generateName is required", missing["message"]!.ToString());
        Assert.Contains("must be no more than 253 characters", tooLong["message"]!.ToString());
        await AssertNothingWasStoredAsync();
    }

    [Theory]
    [InlineData(ConfigMaps, """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"wrong"}}""")]
    [InlineData(ConfigMaps, """{"apiVersion":"apps/v1","kind":"ConfigMap","metadata":{"name":"wrong"}}""")]
    [InlineData($"/apis/apps/v1/namespaces/{Ns}/deployments", """{"apiVersion":"v1","kind":"Deployment","metadata":{"name":"wrong"}}""")]
    [InlineData(ConfigMaps, """{"metadata":{"name":"wrong"},"data":{"a":1}}""")]
    [InlineData(ConfigMaps, """{"metadata":"wrong"}""")]
    [InlineData($"/apis/apps/v1/namespaces/{Ns}/deployments", """{"metadata":{"name":"wrong"},"spec":{"replicas":"three"}}""")]
    [InlineData("/api/v1/namespaces/default/configmaps", """{"metadata":{"name":"wrong","namespace":"bad-input"}}""")]
    [InlineData(ConfigMaps + "?fieldValidation=Strict", """{"metadata":{"name":"wrong"},"spec":{"x":1}}""")]
    [InlineData(ConfigMaps + "?dryRun=Sometimes", """{"metadata":{"name":"wrong"}}""")]
    public async Task WrongKindVersionOrTypeForTheEndpoint_Is400(string path, string body)
    {
        await SendAsync(HttpMethod.Post, path, body, expected: 400, reason: "BadRequest");
        await AssertNothingWasStoredAsync();
    }

    [Fact]
    public async Task WrongMethods_Are405()
    {
        await SendAsync(HttpMethod.Put, ConfigMaps, "{}", expected: 405, reason: "MethodNotAllowed");
        await SendAsync(HttpMethod.Post, ConfigMaps + "/kube-root-ca.crt", "{}", expected: 405, reason: "MethodNotAllowed");
        await SendAsync(HttpMethod.Delete, "/apis/authentication.k8s.io/v1/tokenreviews/x", expected: 405, reason: "MethodNotAllowed");
        await SendAsync(HttpMethod.Post, "/api/v1/componentstatuses", """{"metadata":{"name":"x"}}""", expected: 405, reason: "MethodNotAllowed");
    }

    [Fact]
    public async Task WritesThatConflictOrTargetNothing_AreRejectedWithoutSideEffects()
    {
        var created = await SendAsync(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"versioned"},"data":{"v":"1"}}""", expected: 201);
        var rv = created["metadata"]!["resourceVersion"]!.ToString();
        await SendAsync(HttpMethod.Put, ConfigMaps + "/versioned", Versioned(rv, "2"), expected: 200);

        await SendAsync(HttpMethod.Put, ConfigMaps + "/versioned", Versioned(rv, "stale"), expected: 409, reason: "Conflict");
        await SendAsync(HttpMethod.Put, ConfigMaps + "/versioned", """{"metadata":{"name":"other"},"data":{"v":"3"}}""", expected: 400, reason: "BadRequest");
        await SendAsync(HttpMethod.Post, ConfigMaps, """{"metadata":{"name":"versioned"}}""", expected: 409, reason: "AlreadyExists");
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/versioned", """[{"op":"test","path":"/data/v","value":"9"}]""", "application/json-patch+json", expected: 422);
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/versioned", """{"op":"add"}""", "application/json-patch+json", expected: 400);
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/versioned", """{"metadata":{"labels":{"bad key":"x"}}}""", "application/merge-patch+json", expected: 422, reason: "Invalid");
        await SendAsync(HttpMethod.Patch, ConfigMaps + "/absent", "{}", "application/merge-patch+json", expected: 404, reason: "NotFound");
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/absent/configmaps", """{"metadata":{"name":"x"}}""", expected: 404, reason: "NotFound");
        await SendAsync(HttpMethod.Delete, ConfigMaps + "/versioned?propagationPolicy=Sideways", expected: 422, reason: "Invalid");

        var current = await SendAsync(HttpMethod.Get, ConfigMaps + "/versioned", expected: 200);
        Assert.Equal("2", current["data"]!["v"]!.ToString());
        Assert.Null(current["metadata"]!["labels"]);
        await SendAsync(HttpMethod.Delete, ConfigMaps + "/versioned", expected: 200);
    }

    private static string ConfigMap(string name, string value) =>
        new JsonObject { ["metadata"] = new JsonObject { ["name"] = name }, ["data"] = new JsonObject { ["a"] = value } }.ToJsonString();

    private static string Versioned(string resourceVersion, string value) =>
        new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "versioned", ["resourceVersion"] = resourceVersion },
            ["data"] = new JsonObject { ["v"] = value },
        }.ToJsonString();

    /// <summary>A body stream without a length, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
