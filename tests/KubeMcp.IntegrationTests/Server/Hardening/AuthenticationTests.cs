using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server.Audit;
using KubeMcp.Server.Authentication;

namespace KubeMcp.IntegrationTests.Server.Hardening;

/// <summary>Bearer tokens (a file, or the cluster's TokenReview), bare 401s, and cluster calls made as the caller.</summary>
public sealed class AuthenticationTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>, IDisposable
{
    private const string AliceToken = "alice-0123456789-abcdefghijklmnop";
    private const string OpsToken = "ops-0123456789-abcdefghijklmnopqr";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("kubemcp-auth-").FullName;

    private string TokensFile()
    {
        var path = Path.Combine(_dir, "tokens.csv");
        File.WriteAllText(path, $"{AliceToken},alice,1001\n{OpsToken},ops-admin,1002,\"system:masters\"\n");
        return path;
    }

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static async Task<HttpResponseMessage> PostInitializeAsync(Uri endpoint, string? authorization)
    {
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return await http.SendAsync(request, Ct);
    }

    [Fact]
    public async Task StaticTokens_MissingOrWrongTokensGetTheSameBare401()
    {
        await using var server = await HardenedServer.StartAsync(cluster, o => o.Authentication = new CallerAuthenticationOptions
        {
            Mode = AuthenticationMode.StaticTokens,
            TokensFile = TokensFile(),
        });

        var answers = new List<HttpResponseMessage>();
        foreach (var authorization in new string?[] { null, "Bearer wrong-token-0123456789", "Basic YWxpY2U6cHc=", "Bearer ", "Bearer " + new string('x', 20_000) })
        {
            answers.Add(await PostInitializeAsync(server.Endpoint, authorization));
        }
        var ok = await PostInitializeAsync(server.Endpoint, "Bearer " + AliceToken);
        using var http = new HttpClient();
        var metrics = await http.GetAsync(new Uri(server.BaseAddress, "/metrics"), Ct);
        var health = await http.GetAsync(new Uri(server.BaseAddress, "/healthz"), Ct);

        Assert.All(answers, a =>
        {
            Assert.True(a.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestHeaderFieldsTooLarge, $"got {a.StatusCode}");
            Assert.Equal("", a.Content.ReadAsStringAsync(Ct).Result);
        });
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Unauthorized), a => Assert.Equal("Bearer realm=\"kubemcp\"", a.Headers.WwwAuthenticate.ToString()));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task StaticTokens_TheCallerIsNamedInTheAuditLog()
    {
        var audit = Path.Combine(_dir, "audit.jsonl");
        await using var server = await HardenedServer.StartAsync(cluster, o =>
        {
            o.Authentication = new CallerAuthenticationOptions { Mode = AuthenticationMode.StaticTokens, TokensFile = TokensFile() };
            o.AuditLog = new AuditLogOptions { Path = audit };
        });
        await using var client = await server.ConnectAsync(headers: Bearer(AliceToken));

        await client.OkAsync("namespaces_list");

        var line = JsonNode.Parse(Assert.Single(AuditLog.ReadAll(audit)))!;
        Assert.Equal("alice", line["caller"]!.GetValue<string>());
        Assert.DoesNotContain(AliceToken, File.ReadAllText(audit));
    }

    [Fact]
    public async Task TokenReview_ServiceAccountTokensFromKubectlAreAccepted()
    {
        await cluster.Kubectl.OkAsync("create", "serviceaccount", "mcp-caller", "-n", "default");
        var token = (await cluster.Kubectl.OkAsync("create", "token", "mcp-caller", "-n", "default")).Trim();
        var audit = Path.Combine(_dir, "tr-audit.jsonl");
        await using var server = await HardenedServer.StartAsync(cluster, o =>
        {
            o.Authentication = new CallerAuthenticationOptions { Mode = AuthenticationMode.TokenReview };
            o.AuditLog = new AuditLogOptions { Path = audit };
        });

        await using var client = await server.ConnectAsync(headers: Bearer(token));
        await client.OkAsync("namespaces_list");
        var forged = await PostInitializeAsync(server.Endpoint, "Bearer " + token[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var line = JsonNode.Parse(Assert.Single(AuditLog.ReadAll(audit)))!;
        Assert.Equal("system:serviceaccount:default:mcp-caller", line["caller"]!.GetValue<string>());
        Assert.Contains("system:serviceaccounts", line["groups"]!.AsArray().Select(g => g!.GetValue<string>()));
    }

    [Fact]
    public async Task Impersonation_TheClustersRbacJudgesTheCallerAndSaysWhatWasForbidden()
    {
        await cluster.Kubectl.OkAsync("create", "namespace", "imp");
        await using var server = await HardenedServer.StartAsync(cluster, o =>
        {
            o.Authentication = new CallerAuthenticationOptions { Mode = AuthenticationMode.StaticTokens, TokensFile = TokensFile() };
            o.ClusterIdentity = ClusterIdentityMode.Impersonate;
        });
        await using var alice = await server.ConnectAsync(headers: Bearer(AliceToken));
        await using var ops = await server.ConnectAsync(headers: Bearer(OpsToken));

        var forbidden = await alice.FailAsync("pods_list_in_namespace", new { @namespace = "imp" });
        var asOps = await ops.OkAsync("pods_list_in_namespace", new { @namespace = "imp" });
        await cluster.Kubectl.OkAsync("create", "rolebinding", "alice-view", "--clusterrole=view", "--user=alice", "-n", "imp");
        var granted = await alice.OkAsync("pods_list_in_namespace", new { @namespace = "imp" });

        Assert.Contains("forbidden", forbidden);
        Assert.Contains("\"alice\"", forbidden);
        Assert.Contains("list", forbidden);
        Assert.Contains("pods", forbidden);
        Assert.Contains("acts on the cluster as the caller (alice)", forbidden);
        Assert.NotNull(asOps);
        Assert.NotNull(granted);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
