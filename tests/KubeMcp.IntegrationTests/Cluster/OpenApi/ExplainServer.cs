using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.OpenApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KubeMcp.IntegrationTests.Cluster.OpenApi;

/// <summary>
/// The least an API server must serve for <c>kubectl explain</c>: version, legacy discovery for the given resources
/// and the OpenAPI documents; every other path is a 404 Status. Listens on an ephemeral loopback port.
/// </summary>
internal sealed class ExplainServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExplainServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ExplainServer> StartAsync(IReadOnlyList<ResourceType> resources)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var docs = new OpenApiDocuments(resources);

        app.MapGet("/version", () => Results.Json(new { major = "1", minor = "32", gitVersion = "v1.32.4", platform = "linux/amd64" }));
        app.MapGet("/api", () => Results.Json(new { kind = "APIVersions", versions = new[] { "v1" } }));
        app.MapGet("/apis", () => Results.Text(GroupList(resources).ToJsonString(), "application/json"));
        app.MapGet("/api/{version}", (string version) => ResourceList(resources, "", version));
        app.MapGet("/apis/{group}/{version}", (string group, string version) => ResourceList(resources, group, version));
        app.MapGet("/openapi/v3", () => Results.Bytes(docs.GetV3Index().Content, "application/json"));
        app.MapGet("/openapi/v3/{**path}", (string path) =>
            docs.GetV3(path) is { } doc ? Results.Bytes(doc.Content, "application/json") : Results.NotFound());
        app.MapGet("/openapi/v2", () => Results.Bytes(docs.GetV2().Content, "application/json"));
        // Every object is absent: enough for "kubectl apply --dry-run=client" to take its create path.
        app.MapFallback((HttpContext context) => Results.Text(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not found","reason":"NotFound","code":404}""",
            "application/json", statusCode: 404));

        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ExplainServer(app, address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject GroupList(IEnumerable<ResourceType> resources)
    {
        var groups = new JsonArray();
        foreach (var group in resources.Where(r => r.Group.Length > 0).GroupBy(r => r.Group))
        {
            var versions = new JsonArray([.. group.Select(r => r.Version).Distinct()
                .Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{group.Key}/{v}", ["version"] = v })]);
            groups.Add(new JsonObject
            {
                ["name"] = group.Key,
                ["versions"] = versions,
                ["preferredVersion"] = versions[0]!.DeepClone(),
            });
        }
        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private static IResult ResourceList(IEnumerable<ResourceType> resources, string group, string version)
    {
        var served = resources.Where(r => r.Group == group && r.Version == version).ToList();
        if (served.Count == 0)
        {
            return Results.NotFound();
        }
        var list = new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = served[0].ApiVersion,
            ["resources"] = new JsonArray([.. served.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Plural,
                ["singularName"] = r.Singular,
                ["namespaced"] = r.Namespaced,
                ["kind"] = r.Kind,
                ["verbs"] = new JsonArray([.. r.Verbs.Select(v => JsonValue.Create(v))]),
                ["shortNames"] = new JsonArray([.. r.ShortNames.Select(v => JsonValue.Create(v))]),
            })]),
        };
        return Results.Text(list.ToJsonString(), "application/json");
    }
}
