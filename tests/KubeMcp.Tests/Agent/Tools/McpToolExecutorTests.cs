using System.ComponentModel;
using System.IO.Pipelines;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Tools;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace KubeMcp.Tests.Agent.Tools;

/// <summary>The executor against a real MCP server (the SDK's) over an in-memory stream pair.</summary>
public sealed class McpToolExecutorTests : IAsyncLifetime
{
    private readonly Pipe _clientToServer = new();
    private readonly Pipe _serverToClient = new();
    private readonly CancellationTokenSource _stop = new();
    private McpServer _server = null!;
    private Task _serverRun = null!;
    private McpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var options = new McpServerOptions
        {
            ToolCollection =
            [
                McpServerTool.Create((string name, string? @namespace = null) => $"log of {@namespace}/{name}",
                    new McpServerToolCreateOptions { Name = "pods_log", Description = "Get a pod's log.", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false }),
                McpServerTool.Create(() => new CallToolResult { IsError = true, Content = [new TextContentBlock { Text = "pods \"x\" not found" }] },
                    new McpServerToolCreateOptions { Name = "pods_get", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false }),
                McpServerTool.Create([Description("Delete a pod.")] (string name) => "deleted " + name,
                    new McpServerToolCreateOptions { Name = "pods_delete", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false }),
                McpServerTool.Create(() => "unannotated", new McpServerToolCreateOptions { Name = "mystery" }),
            ],
        };
        _server = McpServer.Create(new StreamServerTransport(_clientToServer.Reader.AsStream(), _serverToClient.Writer.AsStream()), options);
        _serverRun = _server.RunAsync(_stop.Token);
        _client = await McpClient.CreateAsync(new StreamClientTransport(_clientToServer.Writer.AsStream(), _serverToClient.Reader.AsStream()),
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _stop.CancelAsync();
        await _serverRun.ContinueWith(_ => { }, TaskScheduler.Default);
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Create_MapsSchemasAndAnnotations()
    {
        var executor = await McpToolExecutor.CreateAsync(_client, TestContext.Current.CancellationToken);

        var log = executor.Tools.Single(t => t.Name == "pods_log");
        Assert.Equal("Get a pod's log.", log.Description);
        Assert.Equal(["name"], log.Required);
        Assert.True(log.Properties.ContainsKey("namespace"));
        Assert.True(log.IsReadOnly);
        Assert.False(log.IsDestructive);

        var delete = executor.Tools.Single(t => t.Name == "pods_delete");
        Assert.True(delete.IsDestructive);
        Assert.True(delete.IsIdempotent);

        var mystery = executor.Tools.Single(t => t.Name == "mystery");
        Assert.True(mystery.IsDestructive); // MCP default for a tool that does not say it is read-only
    }

    [Fact]
    public async Task Call_ReturnsTheText()
    {
        var executor = await McpToolExecutor.CreateAsync(_client, TestContext.Current.CancellationToken);

        var result = await executor.CallAsync("pods_log", new JsonObject { ["name"] = "web-1", ["namespace"] = "prod" }, TestContext.Current.CancellationToken);

        Assert.Equal(new ToolResult("log of prod/web-1"), result);
    }

    [Fact]
    public async Task Call_IsErrorResultIsAResultNotAnException()
    {
        var executor = await McpToolExecutor.CreateAsync(_client, TestContext.Current.CancellationToken);

        var result = await executor.CallAsync("pods_get", [], TestContext.Current.CancellationToken);

        Assert.True(result.IsError);
        Assert.Equal("pods \"x\" not found", result.Text);
    }

    [Fact]
    public async Task Call_UnknownToolIsAnErrorResult()
    {
        var executor = await McpToolExecutor.CreateAsync(_client, TestContext.Current.CancellationToken);

        var result = await executor.CallAsync("no_such_tool", [], TestContext.Current.CancellationToken);

        Assert.True(result.IsError);
        Assert.StartsWith("The MCP server rejected the call to 'no_such_tool'", result.Text);
    }
}
