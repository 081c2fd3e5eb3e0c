using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using KubeMcp.Agent.Tools;

namespace KubeMcp.Tests.Agent.Mcp;

/// <summary>The agent's executor built on <see cref="McpConnection"/>: same results, and it survives a lost session.</summary>
public sealed class McpToolExecutorOverConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Executor_CallsToolsAndTurnsServerRejectionsIntoErrorResults()
    {
        await using var server = await TestMcpServer.StartAsync();
        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint }, Ct);

        var executor = await McpToolExecutor.CreateAsync(connection, Ct);
        var ok = await executor.CallAsync("echo", new JsonObject { ["text"] = "hi" }, Ct);
        var failed = await executor.CallAsync("fail", [], Ct);
        var unknown = await executor.CallAsync("nope", [], Ct);

        Assert.Equal(4, executor.Tools.Count);
        Assert.True(executor.Tools.Single(t => t.Name == "echo").IsReadOnly);
        Assert.Equal(new ToolResult("hi"), ok);
        Assert.Equal(new ToolResult("it broke", IsError: true), failed);
        Assert.True(unknown.IsError);
        Assert.StartsWith("The MCP server rejected the call to 'nope'", unknown.Text);
    }

    [Fact]
    public async Task Executor_TransportFailuresAreThrownWithTheTransportErrorInside()
    {
        var server = await TestMcpServer.StartAsync();
        var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint, Timeout = TimeSpan.FromSeconds(10) }, Ct);
        var executor = await McpToolExecutor.CreateAsync(connection, Ct);
        await server.DisposeAsync();

        var ex = await Assert.ThrowsAsync<McpServerUnreachableException>(() => executor.CallAsync("echo", new JsonObject { ["text"] = "x" }, Ct));

        Assert.IsType<HttpRequestException>(ex.InnerException);
        await connection.DisposeAsync();
    }
}
