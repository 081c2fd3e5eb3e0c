using System.Text.Json.Nodes;
using KubeMcp.Cluster.Http;
using KubeMcp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary>
/// Requests whose server side is not the subject here (token requests, access reviews, evictions): kubectl's real
/// bodies are recorded on the way and must read, through the cluster's own body reader, as the intended object.
/// </summary>
public sealed class KubectlProtobufBodyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task CreateToken_SendsATokenRequestThatDecodes()
    {
        await using var proxy = await RecordingProxy.StartAsync(fixture.Cluster.Url, fixture.Cluster.AdminToken);

        await proxy.Kubectl(fixture).RunAsync("create", "token", "builder", "--duration=10m", "--audience=https://api.example.com",
            "--bound-object-kind=Pod", "--bound-object-name=web-0", "--bound-object-uid=5f0c1f4e-8d1e-4a6b-9a57-3f0b7d2a9c11");

        var body = await ReadBodyAsync(proxy, "/api/v1/namespaces/default/serviceaccounts/builder/token");
        Assert.Equal("application/vnd.kubernetes.protobuf", body.ContentType);
        AssertJson("""
            {
              "audiences": ["https://api.example.com"],
              "expirationSeconds": 600,
              "boundObjectRef": { "kind": "Pod", "apiVersion": "v1", "name": "web-0", "uid": "5f0c1f4e-8d1e-4a6b-9a57-3f0b7d2a9c11" }
            }
            """, body.Object["spec"]);
        Assert.Equal("TokenRequest", body.Object["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuthCanI_SendsResourceAndNonResourceReviewsThatDecode()
    {
        await using var proxy = await RecordingProxy.StartAsync(fixture.Cluster.Url, fixture.Cluster.AdminToken);
        var kubectl = proxy.Kubectl(fixture);

        await kubectl.RunAsync("auth", "can-i", "update", "deployments.apps", "--subresource=scale", "--namespace=kube-system");
        await kubectl.RunAsync("auth", "can-i", "get", "/healthz");

        var reviews = proxy.Requests.Where(r => r.Path == "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews").ToList();
        Assert.Equal(2, reviews.Count);
        Assert.All(reviews, r => Assert.Equal("application/vnd.kubernetes.protobuf", r.ContentType));
        var resource = await ReadAsync(reviews[0]);
        var nonResource = await ReadAsync(reviews[1]);
        AssertJson("""
            { "resourceAttributes": { "namespace": "kube-system", "verb": "update", "group": "apps", "resource": "deployments", "subresource": "scale" } }
            """, resource["spec"]);
        AssertJson("""{ "nonResourceAttributes": { "path": "/healthz", "verb": "get" } }""", nonResource["spec"]);
    }

    [Fact]
    public async Task AuthWhoami_SendsASelfSubjectReviewThatDecodes()
    {
        await using var proxy = await RecordingProxy.StartAsync(fixture.Cluster.Url, fixture.Cluster.AdminToken);

        await proxy.Kubectl(fixture).RunAsync("auth", "whoami");

        var body = await ReadBodyAsync(proxy, "/apis/authentication.k8s.io/v1/selfsubjectreviews");
        Assert.Equal("SelfSubjectReview", body.Object["kind"]!.GetValue<string>());
        Assert.Equal("authentication.k8s.io/v1", body.Object["apiVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Drain_SendsAnEvictionThatDecodes()
    {
        await fixture.Kubectl.OkAsync("run", "pb-drained", "--image=nginx", "--labels=app=pb-drained",
            "--overrides={\"spec\":{\"nodeName\":\"kubemcp-worker2\"}}");
        await using var proxy = await RecordingProxy.StartAsync(fixture.Cluster.Url, fixture.Cluster.AdminToken);

        try
        {
            await proxy.Kubectl(fixture).RunAsync("drain", "kubemcp-worker2", "--pod-selector=app=pb-drained", "--force", "--timeout=20s");
        }
        finally
        {
            await fixture.Kubectl.RunAsync("uncordon", "kubemcp-worker2");
        }

        // kubectl 1.32 happens to send evictions as JSON; whichever encoding it uses, the object must read back.
        var body = await ReadBodyAsync(proxy, "/api/v1/namespaces/default/pods/pb-drained/eviction");
        Assert.Equal("Eviction", body.Object["kind"]!.GetValue<string>());
        AssertJson("""{ "name": "pb-drained", "namespace": "default" }""", Without(body.Object["metadata"], "creationTimestamp"));
    }

    [Fact]
    public async Task DrainWithoutEviction_SendsDeleteOptionsThatDecode()
    {
        await fixture.Kubectl.OkAsync("run", "pb-deleted", "--image=nginx", "--labels=app=pb-deleted",
            "--overrides={\"spec\":{\"nodeName\":\"kubemcp-worker\"}}");
        await using var proxy = await RecordingProxy.StartAsync(fixture.Cluster.Url, fixture.Cluster.AdminToken);

        try
        {
            await proxy.Kubectl(fixture).RunAsync("drain", "kubemcp-worker", "--pod-selector=app=pb-deleted", "--force", "--disable-eviction", "--timeout=20s");
        }
        finally
        {
            await fixture.Kubectl.RunAsync("uncordon", "kubemcp-worker");
        }

        var delete = Assert.Single(proxy.Requests, r => r.Method == "DELETE" && r.Path == "/api/v1/namespaces/default/pods/pb-deleted");
        Assert.Equal("application/vnd.kubernetes.protobuf", delete.ContentType);
        var options = await ReadAsync(delete);
        Assert.Equal("DeleteOptions", options["kind"]!.GetValue<string>());
    }

    private static async Task<(string? ContentType, JsonObject Object)> ReadBodyAsync(RecordingProxy proxy, string path)
    {
        var request = Assert.Single(proxy.Requests, r => r.Method == "POST" && r.Path == path);
        return (request.ContentType, await ReadAsync(request));
    }

    /// <summary>Reads a recorded body exactly as the cluster's handlers do.</summary>
    private static async Task<JsonObject> ReadAsync(RecordedRequest recorded)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = recorded.ContentType;
        context.Request.Body = new MemoryStream(recorded.Body);
        return await RequestBody.ReadObjectAsync(context.Request, CancellationToken.None);
    }

    private static JsonNode? Without(JsonNode? node, string property)
    {
        var copy = node?.DeepClone().AsObject();
        copy?.Remove(property);
        return copy;
    }

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");
}
