using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.Tests.Agent.Mcp;

public sealed class ToolCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset At = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public async Task Create_RecordsServerProtocolAndEveryToolSortedByName()
    {
        await using var server = await TestMcpServer.StartAsync();
        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = server.Endpoint }, Ct);

        var catalog = ToolCatalog.Create(connection, await connection.ListToolsAsync(Ct), At);
        var json = JsonNode.Parse(catalog.ToJson())!;

        Assert.Equal(1, json["catalogVersion"]!.GetValue<int>());
        Assert.Equal("test-server", json["server"]!["name"]!.GetValue<string>());
        Assert.Equal("1.2.3", json["server"]!["version"]!.GetValue<string>());
        Assert.Equal("2025-11-25", json["protocolVersion"]!.GetValue<string>());
        Assert.Equal("streamable-http", json["transport"]!.GetValue<string>());
        Assert.Equal(server.Endpoint.ToString(), json["endpoint"]!.GetValue<string>());
        Assert.Equal("2026-03-04T05:06:07Z", json["discoveredAt"]!.GetValue<string>());
        Assert.Equal(["add", "echo", "fail", "hang"], json["tools"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        var echo = json["tools"]![1]!;
        Assert.Equal("Echo the text back.", echo["description"]!.GetValue<string>());
        Assert.Equal("string", echo["inputSchema"]!["properties"]!["text"]!["type"]!.GetValue<string>());
        Assert.Equal(["text"], echo["inputSchema"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("""{"readOnlyHint":true,"destructiveHint":false,"idempotentHint":true,"openWorldHint":false}""", echo["annotations"]!.ToJsonString());
    }

    [Fact]
    public async Task Create_LeavesCredentialsInTheUrlOut()
    {
        await using var server = await TestMcpServer.StartAsync();
        var url = new UriBuilder(server.Endpoint) { Query = "token=abc" }.Uri;
        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = url }, Ct);

        var catalog = ToolCatalog.Create(connection, [], At);

        Assert.Equal(server.Endpoint.ToString(), catalog.Endpoint);
    }

    [Fact]
    public void ToJson_ThenParse_RoundTrips()
    {
        var catalog = Sample();

        var parsed = ToolCatalog.Parse(catalog.ToJson());

        Assert.Equal(catalog.ToJson(), parsed.ToJson());
        Assert.Equal(At, parsed.DiscoveredAt);
        Assert.Equal("Run it.", parsed.Instructions);
        Assert.Equal(["name"], parsed.Descriptors().Single().Required);
        Assert.True(parsed.Descriptors().Single().IsReadOnly);
    }

    [Fact]
    public void ToJson_OmitsWhatTheServerDidNotSend()
    {
        var catalog = Sample() with { Instructions = null, Server = new ToolCatalogServer("s", "1"), Tools = [Sample().Tools[0] with { Title = null }] };

        var json = JsonNode.Parse(catalog.ToJson())!.AsObject();

        Assert.False(json.ContainsKey("instructions"));
        Assert.False(json["server"]!.AsObject().ContainsKey("title"));
        Assert.Equal(["catalogVersion", "server", "protocolVersion", "transport", "endpoint", "discoveredAt", "tools"], json.Select(p => p.Key));
        Assert.Equal(["name", "description", "inputSchema", "annotations"], json["tools"]![0]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "must be a JSON object")]
    [InlineData("{}", "has no catalogVersion")]
    [InlineData("""{"catalogVersion": 2}""", "catalogVersion 2; this version of kubemcp reads version 1")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": "s", "version": "1"}, "tools": []}""", "discoveredAt is missing")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": "s", "version": "1"}, "tools": [], "discoveredAt": "yesterday"}""", "'yesterday' is not a date")]
    [InlineData("""{"catalogVersion": 1, "server": "s", "tools": []}""", "server is missing or is not an object")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": "s"}, "tools": [], "discoveredAt": "2026-01-01T00:00:00Z"}""", "server.version is missing")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": "s", "version": "1"}, "protocolVersion": "p", "transport": "stdio", "endpoint": "e", "discoveredAt": "2026-01-01T00:00:00Z", "tools": [7]}""", "tools[0] must be an object")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": "s", "version": "1"}, "protocolVersion": "p", "transport": "stdio", "endpoint": "e", "discoveredAt": "2026-01-01T00:00:00Z", "tools": [{"name": "t"}]}""", "tools[0].inputSchema is missing")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": "s", "version": "1"}, "protocolVersion": "p", "transport": "stdio", "endpoint": "e", "discoveredAt": "2026-01-01T00:00:00Z", "tools": [{"name": "t", "inputSchema": {}, "annotations": {"readOnlyHint": "yes"}}]}""", "tools[0].annotations.readOnlyHint must be true or false")]
    [InlineData("""{"catalogVersion": 1, "server": {"name": 5, "version": "1"}, "tools": []}""", "server.name must be a string")]
    public void Parse_MalformedCatalogsSayWhatIsWrong(string json, string message)
    {
        var ex = Assert.Throws<FormatException>(() => ToolCatalog.Parse(json));

        Assert.Contains(message, ex.Message);
    }

    private static ToolCatalog Sample() => new(
        new ToolCatalogServer("kubemcp", "0.1.0", "KubeMcp"),
        "2025-11-25",
        ToolCatalog.StreamableHttp,
        "http://localhost:8080/mcp",
        At,
        [new ToolCatalogTool("pods_get", "Get a pod.",
            JsonNode.Parse("""{"type":"object","properties":{"name":{"type":"string"}},"required":["name"]}""")!.AsObject(),
            new ToolCatalogAnnotations(ReadOnlyHint: true, OpenWorldHint: true), "Pods: Get")],
        "Run it.");
}
