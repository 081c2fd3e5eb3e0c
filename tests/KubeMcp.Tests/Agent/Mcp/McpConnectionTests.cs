using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Tests.Agent.Mcp;

/// <summary><see cref="McpConnection"/> against the SDK's real server (and a few misbehaving endpoints) over real sockets.</summary>
public sealed class McpConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static McpConnectionOptions Options(Uri url, List<string>? trace = null) => new()
    {
        Url = url,
        Timeout = TimeSpan.FromSeconds(20),
        Trace = trace is null ? null : line => { lock (trace) { trace.Add(line); } },
    };

    [Fact]
    public async Task Connect_NegotiatesNewestVersionAndKeepsTheSession()
    {
        await using var server = await TestMcpServer.StartAsync();

        await using var connection = await McpConnection.ConnectAsync(Options(server.Endpoint), Ct);
        var tools = await connection.ListToolsAsync(Ct);
        var result = await connection.CallToolAsync("add", new JsonObject { ["a"] = 2, ["b"] = 3 }, Ct);

        Assert.Equal("test-server", connection.ServerName);
        Assert.Equal("1.2.3", connection.ServerVersion);
        Assert.Equal("2025-11-25", connection.ProtocolVersion);
        Assert.False(string.IsNullOrEmpty(connection.SessionId));
        Assert.Equal(["add", "echo", "fail", "hang"], tools.Select(t => t.Name).Order());
        Assert.Equal("5", ToolResultText.Render(result));
    }

    [Fact]
    public async Task Call_IsErrorResultIsReturnedNotThrown()
    {
        await using var server = await TestMcpServer.StartAsync();
        await using var connection = await McpConnection.ConnectAsync(Options(server.Endpoint), Ct);

        var result = await connection.CallToolAsync("fail", [], Ct);

        Assert.True(result.IsError);
        Assert.Equal("it broke", ToolResultText.Render(result));
    }

    [Fact]
    public async Task Connect_SendsBearerTokenAndHeaders()
    {
        await using var server = await TestMcpServer.StartAsync();

        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions
        {
            Url = server.Endpoint,
            BearerToken = "s3cret",
            Headers = new Dictionary<string, string> { ["X-Team"] = "platform" },
        }, Ct);
        await connection.ListToolsAsync(Ct);

        Assert.NotEmpty(server.Requests);
        Assert.All(server.Requests, h =>
        {
            Assert.Equal("Bearer s3cret", h.Authorization.ToString());
            Assert.Equal("platform", h["X-Team"].ToString());
        });
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, "requires authentication (HTTP 401 Unauthorized")]
    [InlineData("wrong", HttpStatusCode.Forbidden, "HTTP 403 Forbidden")]
    public async Task Connect_RefusedCredentialsSayHowToPassAToken(string? token, HttpStatusCode expected, string text)
    {
        await using var server = await TestMcpServer.StartAsync(RequireToken("right"));

        var ex = await Assert.ThrowsAsync<McpAuthorizationException>(() =>
            McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint, BearerToken = token }, Ct));

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains(text, ex.Message);
        Assert.Contains("--token", ex.Message);
    }

    [Fact]
    public async Task Connect_AcceptedTokenConnects()
    {
        await using var server = await TestMcpServer.StartAsync(RequireToken("right"));

        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint, BearerToken = "right" }, Ct);

        Assert.Equal(4, (await connection.ListToolsAsync(Ct)).Count);
    }

    [Fact]
    public async Task Connect_NothingListening_NamesTheUrlAndTheHealthCheck()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/mcp");

        var ex = await Assert.ThrowsAsync<McpServerUnreachableException>(() => McpConnection.ConnectAsync(Options(url), Ct));

        Assert.Contains($"Cannot reach the MCP server at {url}", ex.Message);
        Assert.Contains($"curl http://127.0.0.1:{url.Port}/healthz", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
    }

    [Theory]
    [InlineData("/nothing", "HTTP 404 Not Found")]
    [InlineData("/page", "not an MCP endpoint")]
    public async Task Connect_NotAnMcpEndpoint(string path, string text)
    {
        await using var server = await TestMcpServer.StartAsync();
        var url = new Uri(server.Endpoint, path);

        var ex = await Assert.ThrowsAsync<NotAnMcpEndpointException>(() => McpConnection.ConnectAsync(Options(url), Ct));

        Assert.Contains(text, ex.Message);
        Assert.Contains("/mcp", ex.Message);
    }

    [Fact]
    public async Task Connect_OlderServer_ReinitializesWithTheVersionItOffers()
    {
        await using var server = await FakeVersionServer.StartAsync("2025-06-18");
        var trace = new List<string>();

        await using var connection = await McpConnection.ConnectAsync(Options(server.Endpoint, trace), Ct);

        Assert.Equal("2025-06-18", connection.ProtocolVersion);
        Assert.Equal(["2025-11-25", "2025-06-18"], server.AskedVersions);
        Assert.Contains(trace, l => l.Contains("speaks protocol 2025-06-18, not 2025-11-25", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_UnsupportedVersion_ListsTheVersionsThisClientSpeaks()
    {
        await using var server = await FakeVersionServer.StartAsync("2099-01-01");

        var ex = await Assert.ThrowsAsync<McpProtocolVersionException>(() => McpConnection.ConnectAsync(Options(server.Endpoint), Ct));

        Assert.Contains("speaks protocol version 2099-01-01, which this client does not support", ex.Message);
        Assert.Contains("2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05", ex.Message);
        Assert.Equal(["2025-11-25"], server.AskedVersions);
    }

    [Fact]
    public async Task Connect_PinnedVersionTheServerDoesNotSpeak_SuggestsTheOfferedOne()
    {
        await using var server = await FakeVersionServer.StartAsync("2025-06-18");

        var ex = await Assert.ThrowsAsync<McpProtocolVersionException>(() =>
            McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint, ProtocolVersion = "2025-11-25" }, Ct));

        Assert.Contains("does not speak protocol version 2025-11-25; it offered 2025-06-18", ex.Message);
        Assert.Contains("--protocol-version 2025-06-18", ex.Message);
    }

    [Fact]
    public async Task Call_ExpiredSession_ReinitializesOnceAndRetries()
    {
        await using var server = await TestMcpServer.StartAsync();
        var trace = new List<string>();
        await using var connection = await McpConnection.ConnectAsync(Options(server.Endpoint, trace), Ct);
        var first = connection.SessionId!;
        await EndSessionAsync(server.Endpoint, first, connection.ProtocolVersion);

        var result = await connection.CallToolAsync("echo", new JsonObject { ["text"] = "hello" }, Ct);

        Assert.Equal("hello", ToolResultText.Render(result));
        Assert.Equal(1, connection.Reinitializations);
        Assert.NotEqual(first, connection.SessionId);
        Assert.Contains(trace, l => l.StartsWith($"Session {first} has expired on the server; initialized a new session", StringComparison.Ordinal));
        Assert.Equal(1, server.ToolCalls);
    }

    [Fact]
    public async Task Call_SessionLostAgainAfterReinitializing_IsASessionError()
    {
        await using var server = await TestMcpServer.StartAsync(async (context, next) =>
        {
            // A server whose sessions never survive a tools/call (e.g. replicas that do not share sessions).
            if (context.Request.Headers.ContainsKey("Mcp-Session-Id") && await BodyContainsAsync(context, "tools/call"))
            {
                context.Response.StatusCode = 404;
                return;
            }

            await next(context);
        });
        await using var connection = await McpConnection.ConnectAsync(Options(server.Endpoint), Ct);

        var ex = await Assert.ThrowsAsync<McpSessionException>(() => connection.CallToolAsync("echo", new JsonObject { ["text"] = "x" }, Ct));

        Assert.Contains("dropped the new session as well", ex.Message);
        Assert.Equal(1, connection.Reinitializations);
        Assert.Equal(0, server.ToolCalls);
    }

    [Fact]
    public async Task Request_NoSessionIdFromInitializeButServerWantsOne_BlamesTheMissingHeader()
    {
        // A proxy that drops the Mcp-Session-Id response header in front of a server that needs it.
        await using var server = await TestMcpServer.StartAsync(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Remove("Mcp-Session-Id");
                return Task.CompletedTask;
            });
            await next(context);
        });

        var ex = await Assert.ThrowsAsync<McpSessionException>(() => McpConnection.ConnectAsync(Options(server.Endpoint), Ct));

        Assert.Contains("gave no Mcp-Session-Id header in its answer to initialize", ex.Message);
        Assert.Contains("proxy", ex.Message);
    }

    [Fact]
    public async Task Connect_StatelessServerWithoutSessionIdWorks()
    {
        await using var server = await TestMcpServer.StartAsync(stateless: true);
        var trace = new List<string>();

        await using var connection = await McpConnection.ConnectAsync(Options(server.Endpoint, trace), Ct);
        var result = await connection.CallToolAsync("echo", new JsonObject { ["text"] = "stateless" }, Ct);

        Assert.Null(connection.SessionId);
        Assert.Equal("stateless", ToolResultText.Render(result));
        Assert.Contains(trace, l => l.Contains("no Mcp-Session-Id (the server runs without sessions)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_SlowerThanTheTimeout_IsATimeoutError()
    {
        await using var server = await TestMcpServer.StartAsync();
        // Long enough for initialize on a busy machine; the tool never answers, so the call always runs into it.
        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint, Timeout = TimeSpan.FromSeconds(2) }, Ct);

        var ex = await Assert.ThrowsAsync<McpTimeoutException>(() => connection.CallToolAsync("hang", [], Ct));

        Assert.Contains("did not answer tools/call hang within 2s", ex.Message);
        Assert.Contains("--timeout", ex.Message);
        Assert.IsType<TimeoutException>(ex.InnerException);
    }

    [Fact]
    public async Task Connect_ServerThatNeverAnswers_IsATimeoutError()
    {
        await using var server = await TestMcpServer.StartAsync((context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));

        var ex = await Assert.ThrowsAsync<McpTimeoutException>(() =>
            McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint, Timeout = TimeSpan.FromMilliseconds(300) }, Ct));

        Assert.Contains("did not complete initialize within 0.3s", ex.Message);
    }

    [Fact]
    public async Task Stdio_MissingProgram_SaysItCouldNotStart()
    {
        var ex = await Assert.ThrowsAsync<McpServerUnreachableException>(() =>
            McpConnection.ConnectAsync(new McpConnectionOptions { StdioCommand = "kubemcp-no-such-program --stdio" }, Ct));

        Assert.Contains("Could not start the stdio MCP server 'kubemcp-no-such-program'", ex.Message);
    }

    [Fact]
    public async Task Stdio_ServerThatExits_ShowsExitCodeAndStderr()
    {
        var ex = await Assert.ThrowsAsync<McpServerUnreachableException>(() =>
            McpConnection.ConnectAsync(new McpConnectionOptions { StdioCommand = "sh -c 'echo no kubeconfig found >&2; exit 3'" }, Ct));

        // The SDK notices the exit either while writing initialize or while reading its answer; both say the same.
        Assert.Matches(@"^The stdio MCP server 'sh' exited( with exit code 3)? before completing initialize\. Its last stderr lines:\n  no kubeconfig found", ex.Message);
    }

    [Fact]
    public async Task Stdio_UnclosedQuote_IsReportedBeforeStarting()
    {
        var ex = await Assert.ThrowsAsync<McpServerUnreachableException>(() =>
            McpConnection.ConnectAsync(new McpConnectionOptions { StdioCommand = "kubemcp serve --kubeconfig 'x" }, Ct));

        Assert.Contains("unclosed single quote", ex.Message);
    }

    internal static Func<HttpContext, RequestDelegate, Task> RequireToken(string token) => async (context, next) =>
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (auth.Length == 0)
        {
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }

        if (auth != "Bearer " + token)
        {
            context.Response.StatusCode = 403;
            return;
        }

        await next(context);
    };

    private static async Task<bool> BodyContainsAsync(HttpContext context, string text)
    {
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        context.Request.Body.Position = 0;
        return body.Contains(text, StringComparison.Ordinal);
    }

    private static async Task EndSessionAsync(Uri endpoint, string sessionId, string protocolVersion)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Delete, endpoint);
        request.Headers.Add("Mcp-Session-Id", sessionId);
        request.Headers.Add("MCP-Protocol-Version", protocolVersion);
        using var response = await http.SendAsync(request, Ct);
        response.EnsureSuccessStatusCode();
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
