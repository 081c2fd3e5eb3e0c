using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Tests.Agent.Mcp;

/// <summary>
/// A minimal hand-written Streamable HTTP endpoint that always answers <c>initialize</c> with one fixed protocol version,
/// whatever was asked (as an old or a future server would), and serves an empty tools/list.
/// </summary>
public sealed class FakeVersionServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeVersionServer(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First() + "/mcp");

    /// <summary>The protocolVersion of each initialize request received.</summary>
    public ConcurrentQueue<string> AskedVersions { get; } = new();

    public static async Task<FakeVersionServer> StartAsync(string answeredVersion)
    {
        FakeVersionServer? server = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/mcp", async (HttpContext context) =>
        {
            var request = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var method = request["method"]!.GetValue<string>();
            if (request["id"] is not { } id)
            {
                return Results.Accepted();
            }

            JsonObject result = method switch
            {
                "initialize" => Initialize(server!, request, answeredVersion),
                "tools/list" => new JsonObject { ["tools"] = new JsonArray() },
                _ => [],
            };
            context.Response.Headers["Mcp-Session-Id"] = "fake-session";
            return Results.Text(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result }.ToJsonString(), "application/json");
        });
        app.MapDelete("/mcp", () => Results.Ok());
        await app.StartAsync(TestContext.Current.CancellationToken);
        server = new FakeVersionServer(app);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject Initialize(FakeVersionServer server, JsonObject request, string answeredVersion)
    {
        server.AskedVersions.Enqueue(request["params"]!["protocolVersion"]!.GetValue<string>());
        return new JsonObject
        {
            ["protocolVersion"] = answeredVersion,
            ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
            ["serverInfo"] = new JsonObject { ["name"] = "fake", ["version"] = "0.0.1" },
        };
    }
}
