using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;
using KubeMcp.Cli.Commands;
using KubeMcp.Tests.Agent.Mcp;

namespace KubeMcp.Tests.Cli;

/// <summary><c>kubemcp tools …</c> parsed and run in-process against the SDK's server on a real socket.</summary>
public sealed class ToolsCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand { ToolsCommand.Create() };
        var exit = await root.Parse(["tools", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, Ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task List_PrintsATableAndWritesTheCatalog()
    {
        await using var server = await TestMcpServer.StartAsync();
        var path = Path.Combine(Path.GetTempPath(), $"kubemcp-catalog-{Guid.NewGuid():N}", "tools_catalog.json");

        var (exit, stdout, stderr) = await RunAsync("list", "--url", server.Endpoint.ToString(), "--output", path);

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^echo\s+read-only\s+text\s+Echo the text back\.", stdout);
        Assert.Contains("4 tools from test-server 1.2.3, MCP protocol 2025-11-25.", stdout);
        Assert.Contains($"Wrote the catalog of 4 tools to {path}.", stderr);
        var catalog = ToolCatalog.Parse(await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(["add", "echo", "fail", "hang"], catalog.Tools.Select(t => t.Name));
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task List_JsonIsTheCatalog()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, stdout, _) = await RunAsync("list", "--json", "--url", server.Endpoint.ToString());

        Assert.Equal(0, exit);
        Assert.Equal("test-server", ToolCatalog.Parse(stdout).Server.Name);
    }

    [Fact]
    public async Task Describe_ShowsParameters()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, stdout, _) = await RunAsync("--url", server.Endpoint.ToString(), "describe", "add");

        Assert.Equal(0, exit);
        Assert.Matches(@"(?m)^a\s+integer\s+yes", stdout);
        Assert.Matches(@"(?m)^b\s+integer\s+yes", stdout);
    }

    [Fact]
    public async Task Describe_JsonIsTheCatalogEntry()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, stdout, _) = await RunAsync("describe", "echo", "--json", "--url", server.Endpoint.ToString());

        Assert.Equal(0, exit);
        var entry = JsonNode.Parse(stdout)!;
        Assert.Equal("echo", entry["name"]!.GetValue<string>());
        Assert.True(entry["annotations"]!["readOnlyHint"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Call_ConvertsArgumentsByTheSchemaAndPrintsTheText()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, stdout, _) = await RunAsync("call", "add", "--arg", "a=40", "--arg", "b=2", "--url", server.Endpoint.ToString());

        Assert.Equal(0, exit);
        Assert.Equal("42\n", stdout);
    }

    [Fact]
    public async Task Call_ArgsJsonAndRawJsonResult()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, stdout, _) = await RunAsync("call", "echo", "--args-json", """{"text": "hi there"}""", "--json", "--url", server.Endpoint.ToString());

        Assert.Equal(0, exit);
        Assert.Equal("hi there", JsonNode.Parse(stdout)!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Call_ToolErrorExitsOneWithTheTextOnStderr()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, stdout, stderr) = await RunAsync("call", "fail", "--url", server.Endpoint.ToString());

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Equal("it broke\n", stderr);
    }

    [Fact]
    public async Task Call_UnknownToolExitsTwoWithTheClosestNames()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, _, stderr) = await RunAsync("call", "ecko", "--url", server.Endpoint.ToString());

        Assert.Equal(2, exit);
        Assert.Contains("error: test-server has no tool named 'ecko'. Did you mean echo", stderr);
        Assert.Equal(0, server.ToolCalls);
    }

    [Fact]
    public async Task Call_InvalidArgumentsAreRejectedWithTheSchemaAndNothingIsSent()
    {
        await using var server = await TestMcpServer.StartAsync();

        var (exit, _, stderr) = await RunAsync("call", "add", "--arg", "a=forty", "--arg", "c=1", "--url", server.Endpoint.ToString());

        Assert.Equal(2, exit);
        Assert.Contains("The arguments for add do not match its input schema, so nothing was sent:", stderr);
        Assert.Contains("  - a: must be an integer, but got the string \"forty\".", stderr);
        Assert.Contains("  - c: is not a parameter of add.", stderr);
        Assert.Contains("  - b: is required but was not given.", stderr);
        Assert.Contains("The input schema of add:", stderr);
        Assert.Contains("\"required\": [", stderr);
        Assert.Equal(0, server.ToolCalls);
        Assert.DoesNotContain(server.Requests, h => h.TryGetValue("Mcp-Method", out var m) && m == "tools/call");
    }

    [Fact]
    public async Task Call_UnreadableArgsFileExitsTwoWithoutConnecting()
    {
        var (exit, _, stderr) = await RunAsync("call", "echo", "--args-file", "/nonexistent/args.json", "--url", "http://127.0.0.1:1/mcp");

        Assert.Equal(2, exit);
        Assert.Contains("Cannot read --args-file /nonexistent/args.json", stderr);
    }

    [Fact]
    public async Task Errors_UnreachableServerExitsThreeWithUrlAndHealthHint()
    {
        var port = ClosedPort();

        var (exit, stdout, stderr) = await RunAsync("list", "--url", $"http://127.0.0.1:{port}/mcp");

        Assert.Equal(3, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: Cannot reach the MCP server at http://127.0.0.1:{port}/mcp", stderr);
        Assert.Contains($"curl http://127.0.0.1:{port}/healthz", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Fact]
    public async Task Errors_UnauthorizedSaysHowToPassAToken()
    {
        await using var server = await TestMcpServer.StartAsync(McpConnectionTests.RequireToken("t0ken"));

        var (denied, _, stderr) = await RunAsync("list", "--url", server.Endpoint.ToString());
        var (allowed, stdout, _) = await RunAsync("list", "--url", server.Endpoint.ToString(), "--token", "t0ken");
        var (header, _, _) = await RunAsync("list", "--url", server.Endpoint.ToString(), "--header", "Authorization: Bearer t0ken");

        Assert.Equal(3, denied);
        Assert.Contains("HTTP 401 Unauthorized", stderr);
        Assert.Contains("--token TOKEN", stderr);
        Assert.Equal(0, allowed);
        Assert.Contains("echo", stdout);
        Assert.Equal(0, header);
    }

    [Theory]
    [InlineData(new[] { "--url", "http://localhost:1/mcp", "--stdio", "kubemcp serve --stdio" }, "Give either --url or --stdio, not both.")]
    [InlineData(new[] { "--timeout", "soon" }, "--timeout 'soon' is not a positive duration")]
    [InlineData(new[] { "--header", "nocolon" }, "--header 'nocolon' is not a header")]
    [InlineData(new[] { "--url", "localhost:8080" }, "is not an http:// or https:// URL")]
    [InlineData(new[] { "--protocol-version", "latest" }, "--protocol-version 'latest' is not an MCP protocol version")]
    [InlineData(new[] { "--stdio", "kubemcp serve 'unclosed", "--verbose" }, "--stdio: The command line has an unclosed single quote")]
    public async Task Errors_BadOptionsExitTwo(string[] options, string message)
    {
        var (exit, _, stderr) = await RunAsync(["list", .. options]);

        Assert.Equal(2, exit);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task Verbose_SaysWhenTheSessionWasReinitialized()
    {
        // The first tools/call of each session meets a server that has forgotten the session (as after a restart).
        var forgotten = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        await using var server = await TestMcpServer.StartAsync(async (context, next) =>
        {
            var session = context.Request.Headers["Mcp-Session-Id"].ToString();
            if (session.Length > 0 && context.Request.Headers["Mcp-Method"] == "tools/call" && forgotten.Count == 0 && forgotten.TryAdd(session, true))
            {
                context.Response.StatusCode = 404;
                return;
            }

            await next(context);
        });

        var (exit, stdout, stderr) = await RunAsync("call", "echo", "--arg", "text=again", "--verbose", "--url", server.Endpoint.ToString());

        Assert.Equal(0, exit);
        Assert.Equal("again\n", stdout);
        Assert.Contains("has expired on the server; initialized a new session", stderr);
        Assert.Contains("retried tools/call echo", stderr);
        Assert.Equal(1, server.ToolCalls);
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
