using System.Text.Json.Nodes;
using KubeMcp.Agent.Mcp;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>
/// Each of the three servers forgets a session once it is ended (HTTP DELETE, as a restart would): the client notices
/// (404 from ours and the Go server, 400 "No valid session ID" from the TypeScript one), initializes a new session and
/// retries the call once.
/// </summary>
[Collection(ThreeServersCollection.Name)]
public sealed class SessionReinitializationTests(ThreeServersFixture servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Ours() => ReinitializesAsync(servers.Ours.Endpoint, "namespaces_list", []);

    [Fact]
    public Task Go() => ReinitializesAsync(servers.RequireGo().Endpoint, "namespaces_list", []);

    [Fact]
    public Task Everything() => ReinitializesAsync(servers.RequireEverything().Endpoint, "echo", new JsonObject { ["message"] = "again" });

    private static async Task ReinitializesAsync(Uri endpoint, string tool, JsonObject arguments)
    {
        var trace = new List<string>();
        await using var connection = await McpConnection.ConnectAsync(new McpConnectionOptions { Url = endpoint, Trace = trace.Add }, Ct);
        var first = connection.SessionId;
        Assert.NotNull(first);
        using (var http = new HttpClient())
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, endpoint))
        {
            delete.Headers.Add("Mcp-Session-Id", first);
            delete.Headers.Add("MCP-Protocol-Version", connection.ProtocolVersion);
            (await http.SendAsync(delete, Ct)).EnsureSuccessStatusCode();
        }

        var result = await connection.CallToolAsync(tool, arguments, Ct);

        Assert.NotEqual(true, result.IsError);
        Assert.Equal(1, connection.Reinitializations);
        Assert.NotEqual(first, connection.SessionId);
        Assert.Contains(trace, l => l.StartsWith($"Session {first} has expired on the server", StringComparison.Ordinal));
    }
}
