using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>The Streamable HTTP surface as a raw HTTP client sees it: sessions, status codes, health.</summary>
public sealed class HttpProtocolTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"1"}}}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_ReturnsSessionIdAndSseReply()
    {
        using var http = new HttpClient();

        using var response = await PostAsync(http, Initialize, null);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Mcp-Session-Id", out var ids) && ids.Single().Length > 0);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("event: message", body);
        var json = JsonNode.Parse(body.Split('\n').First(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..])!;
        Assert.Equal("kubemcp", json["result"]!["serverInfo"]!["name"]!.GetValue<string>());
        Assert.Equal("2025-06-18", json["result"]!["protocolVersion"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("2024-11-05")]
    [InlineData("2025-03-26")]
    [InlineData("2025-11-25")]
    public async Task Initialize_NegotiatesOlderAndNewerProtocolVersions(string version)
    {
        using var http = new HttpClient();

        using var response = await PostAsync(http, Initialize.Replace("2025-06-18", version), null);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Contains($"\"protocolVersion\":\"{version}\"", body);
    }

    [Fact]
    public async Task Notification_IsAccepted()
    {
        using var http = new HttpClient();
        var session = await StartSessionAsync(http);

        using var response = await PostAsync(http, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", session);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task RequestWithoutSession_Is400()
    {
        using var http = new HttpClient();

        using var response = await PostAsync(http, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RequestWithUnknownSession_Is404()
    {
        using var http = new HttpClient();

        using var response = await PostAsync(http, """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", "no-such-session");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_EndsTheSession()
    {
        using var http = new HttpClient();
        var session = await StartSessionAsync(http);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, server.Endpoint);
        delete.Headers.Add("Mcp-Session-Id", session);
        using var deleted = await http.SendAsync(delete, Ct);
        using var after = await PostAsync(http, """{"jsonrpc":"2.0","id":3,"method":"ping"}""", session);

        Assert.True(deleted.IsSuccessStatusCode, $"DELETE answered {deleted.StatusCode}");
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task Healthz_ReportsHealthyWithVersion()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(server.BaseAddress, "/healthz"), Ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", json["status"]!.GetValue<string>());
        Assert.Equal(KubeMcpServerBuilderExtensions.Version, json["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Healthz_Reports503WithReasonWhenTheClusterIsDown()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var kubeconfig = $"apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {{server: http://127.0.0.1:{port}}}\ncontexts:\n- name: c\n  context: {{cluster: c, user: u}}\ncurrent-context: c\nusers:\n- name: u\n  user: {{token: t}}\n";
        await using var app = KubeMcpHost.CreateHttp(new KubeMcpServerOptions { KubeconfigYaml = kubeconfig }, "127.0.0.1", 0);
        await app.StartAsync(Ct);
        using var http = new HttpClient();

        using var response = await http.GetAsync(app.Urls.First() + "/healthz", Ct);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", json["status"]!.GetValue<string>());
        Assert.Contains($"cannot reach the Kubernetes API server at http://127.0.0.1:{port}", json["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task ToolCall_UnreachableClusterNamesTheServerUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var kubeconfig = $"apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {{server: http://127.0.0.1:{port}}}\ncontexts:\n- name: c\n  context: {{cluster: c, user: u}}\ncurrent-context: c\nusers:\n- name: u\n  user: {{token: t}}\n";
        await using var app = KubeMcpHost.CreateHttp(new KubeMcpServerOptions { KubeconfigYaml = kubeconfig }, "127.0.0.1", 0);
        await app.StartAsync(Ct);
        await using var client = await ModelContextProtocol.Client.McpClient.CreateAsync(
            new ModelContextProtocol.Client.HttpClientTransport(new ModelContextProtocol.Client.HttpClientTransportOptions { Endpoint = new Uri(app.Urls.First() + "/mcp") }),
            cancellationToken: Ct);

        var text = await client.FailAsync("pods_list");

        Assert.StartsWith($"cannot reach the Kubernetes API server at http://127.0.0.1:{port}", text);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example.com")]
    [InlineData("Host", "evil.example.com")]
    public async Task ForeignOriginOrHost_Is403(string header, string value)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (header == "Host")
        {
            request.Headers.Host = value;
        }
        else
        {
            request.Headers.Add(header, value);
        }

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LocalhostOrigin_IsAccepted()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(Initialize, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Host = "localhost";

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<string> StartSessionAsync(HttpClient http)
    {
        using var response = await PostAsync(http, Initialize, null);
        return response.Headers.GetValues("Mcp-Session-Id").Single();
    }

    private async Task<HttpResponseMessage> PostAsync(HttpClient http, string json, string? session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.Endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        }
        return await http.SendAsync(request, Ct);
    }
}
