using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Hosting;
using KubeMcp.Server.Policy;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>
/// Property-based: malformed JSON-RPC, oversized bodies, wrong types and hostile strings thrown at the HTTP endpoint
/// and at every tool. Each gets a clear error, never a 5xx or a stack trace, and the server keeps serving.
/// </summary>
public sealed class HostileInputTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] HostileStrings =
    [
        "", " ", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/shadow", "a/../../b", "\0", "web\0evil", "line\nbreak\r\n",
        "\u001b[31mred\u001b[0m", "\u202Egnp.exe", "💥", "%00", "%", "{", "}", "\"", "'", "`rm -rf /`", "$(id)", ";id", "|id",
        "app in (", "app=", "=x", "a,,b", "!", "status.phase===Running", "metadata.name=" + new string('x', 5000),
        new string('a', 70_000), string.Join(",", Enumerable.Range(0, 2000).Select(i => $"k{i}=v{i}")), "*", "?", "kube-system",
        "-1", "NaN", "1e309", "true", "null", "[]", "{}", "---\n- a\n- b", "apiVersion: v1\nkind: Secret", "<script>alert(1)</script>",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.OneOf<string>(HostileStrings),
        Gen.String[Gen.Char, 0, 64],
        Gen.String[Gen.Char.AlphaNumeric, 0, 300]);

    /// <summary>A JSON value of any type, to put where a string, number or boolean belongs.</summary>
    private static readonly Gen<JsonElement> AnyJson = Gen.OneOf(
        Hostile.Select(s => JsonSerializer.SerializeToElement(s)),
        Gen.Long.Select(n => JsonSerializer.SerializeToElement(n)),
        Gen.Double.Select(d => JsonSerializer.SerializeToElement(double.IsFinite(d) ? d : 0)),
        Gen.Bool.Select(b => JsonSerializer.SerializeToElement(b)),
        Gen.Const(JsonSerializer.SerializeToElement<object?>(null)),
        Hostile.Array[0, 5].Select(a => JsonSerializer.SerializeToElement(a)),
        Hostile.Select(s => JsonSerializer.SerializeToElement(new Dictionary<string, string> { [s] = s })));

    private static readonly Gen<string> MalformedJsonRpc = Gen.OneOf(
        Hostile,
        Gen.OneOf<string>(
            "", "{", "[]", "[{}]", "null", "42", "\"str\"", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"tools/list\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":42}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":\"x\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":[1],\"arguments\":7}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":7}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"../../admin\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"pods_get\",\"arguments\":{\"name\":{\"$ref\":\"#\"}}}}"),
        Gen.Int[1, 400].Select(depth => new string('[', depth) + new string(']', depth)),
        Hostile.Select(s => $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":{JsonSerializer.Serialize(s)},\"params\":{{}}}}"));

    private Task<HardenedServer> StartAsync() => HardenedServer.StartAsync(cluster, o =>
    {
        o.Policy = PolicyDocument.Permissive;
        o.RateLimits = RateLimitOptions.Unlimited;
        o.RequestTimeout = TimeSpan.FromSeconds(10);
    });

    private static HttpRequestMessage Post(Uri endpoint, HttpContent content, string? session)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
            request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        }
        return request;
    }

    private static async Task AssertStillServingAsync(HardenedServer server)
    {
        await using var client = await server.ConnectAsync();
        Assert.Contains("default", await client.OkAsync("namespaces_list"));
    }

    [Fact]
    public async Task HttpEndpoint_MalformedJsonRpcNeverGetsA5xx()
    {
        await using var server = await StartAsync();
        await using var session = await server.ConnectAsync();
        using var http = new HttpClient();

        await MalformedJsonRpc.SampleAsync(async body =>
        {
            foreach (var sessionId in new[] { null, session.SessionId })
            {
                using var response = await http.SendAsync(Post(server.Endpoint, new StringContent(body, Encoding.UTF8, "application/json"), sessionId), Ct);
                var text = await response.Content.ReadAsStringAsync(Ct);
                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {Show(body)}: {text}");
                Assert.DoesNotContain("   at ", text);
            }
        }, iter: 150, threads: 1);

        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task HttpEndpoint_OversizedBodiesAreRefusedWith413()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient();
        var huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"pad\":\"" + new string('a', 2 * 1024 * 1024) + "\"}}";

        using var response = await http.SendAsync(Post(server.Endpoint, new StringContent(huge, Encoding.UTF8, "application/json"), null), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertStillServingAsync(server);
    }

    [Fact]
    public async Task EveryTool_HostileArgumentsGetAClearResult()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectAsync();
        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        var gen = Gen.Select(Gen.Int[0, tools.Count - 1], Gen.Int[0, 3], AnyJson, AnyJson, Hostile);

        await gen.SampleAsync(async (toolIndex, mode, value, other, key) =>
        {
            var tool = tools[toolIndex].ProtocolTool;
            var properties = tool.InputSchema.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToList() : [];
            var args = new Dictionary<string, object?>();
            foreach (var name in properties)
            {
                // Mode 0: every parameter gets the value; 1: only the first; 2: plus an unknown key; 3: wrong types everywhere.
                if (mode != 1 || name == properties[0])
                {
                    args[name] = mode == 3 ? other : value;
                }
            }
            if (mode == 2 && key.Length > 0)
            {
                args[key] = other;
            }

            CallToolResult result;
            try
            {
                result = await client.CallToolAsync(tool.Name, args, cancellationToken: Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
            }
            catch (McpProtocolException e)
            {
                // Invalid params answered as a JSON-RPC error is a clear answer too.
                Assert.Equal(McpErrorCode.InvalidParams, e.ErrorCode);
                return;
            }
            var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
            Assert.False(string.IsNullOrWhiteSpace(text), $"{tool.Name} answered nothing for {Show(JsonSerializer.Serialize(args))}");
            if (result.IsError == true)
            {
                Assert.DoesNotContain("An error occurred", text);
                Assert.DoesNotContain("failed unexpectedly", text);
                Assert.DoesNotContain("   at ", text);
            }
        }, iter: 300, threads: 1, print: t => $"{tools[t.Item1].Name} mode {t.Item2}");

        await AssertStillServingAsync(server);
    }

    private static string Show(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
