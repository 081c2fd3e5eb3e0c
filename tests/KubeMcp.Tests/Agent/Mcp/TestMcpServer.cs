using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Tests.Agent.Mcp;

/// <summary>
/// The official SDK's MCP server on a real Kestrel socket (127.0.0.1:0) with a few tools, an optional middleware in
/// front (to play a proxy, an authenticating gateway or a server that lost its sessions) and a record of the requests.
/// </summary>
public sealed class TestMcpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestMcpServer(WebApplication app)
    {
        _app = app;
        Endpoint = new Uri(app.Urls.First() + "/mcp");
    }

    public Uri Endpoint { get; }

    /// <summary>Headers of every request that reached the MCP endpoint, in order.</summary>
    public ConcurrentQueue<IHeaderDictionary> Requests { get; } = new();

    /// <summary>How many times a tool ran.</summary>
    public int ToolCalls => _toolCalls;

    private int _toolCalls;

    public static async Task<TestMcpServer> StartAsync(Func<HttpContext, RequestDelegate, Task>? middleware = null, bool stateless = false)
    {
        TestMcpServer? server = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.AddMcpServer(o => o.ServerInfo = new Implementation { Name = "test-server", Version = "1.2.3" })
            .WithHttpTransport(t => t.Stateless = stateless)
            .WithTools(Tools(() => Interlocked.Increment(ref server!._toolCalls)));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            server!.Requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            if (middleware is null)
            {
                await next(context);
            }
            else
            {
                await middleware(context, next);
            }
        });
        app.MapMcp("/mcp");
        app.MapGet("/page", () => Results.Content("<html><body>hello</body></html>", "text/html"));
        app.MapPost("/page", () => Results.Content("<html><body>hello</body></html>", "text/html"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        server = new TestMcpServer(app);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IEnumerable<McpServerTool> Tools(Action ran)
    {
        yield return McpServerTool.Create([Description("Echo the text back.")] (string text) =>
        {
            ran();
            return text;
        }, new McpServerToolCreateOptions { Name = "echo", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false });
        yield return McpServerTool.Create([Description("Add two integers.")] (int a, int b) =>
        {
            ran();
            return (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, new McpServerToolCreateOptions { Name = "add", ReadOnly = true });
        yield return McpServerTool.Create(() =>
        {
            ran();
            return new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = "it broke" }] };
        }, new McpServerToolCreateOptions { Name = "fail", Destructive = true });
        yield return McpServerTool.Create(async (CancellationToken ct) =>
        {
            ran();
            await Task.Delay(Timeout.Infinite, ct);
            return "never";
        }, new McpServerToolCreateOptions { Name = "hang" });
    }
}
