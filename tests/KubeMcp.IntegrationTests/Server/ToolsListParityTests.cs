using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>
/// Our tools/list against the Go kubernetes-mcp-server 0.0.67 capture (kubeconfig with two contexts, toolsets
/// core,config,helm): same names, parameter names, types, required sets and annotation hints.
/// </summary>
public sealed class ToolsListParityTests : IAsyncLifetime
{
    private readonly ClusterFixture _cluster = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private McpClient? _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _cluster.InitializeAsync();
        var url = _cluster.Cluster.Url.GetLeftPart(UriPartial.Authority);
        var kubeconfig = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: one
              cluster: {"{"}server: {url}, certificate-authority-data: {_cluster.Cluster.CertificateAuthorityData}{"}"}
            contexts:
            - name: first
              context: {"{"}cluster: one, user: admin, namespace: default{"}"}
            - name: second
              context: {"{"}cluster: one, user: admin, namespace: kube-system{"}"}
            current-context: first
            users:
            - name: admin
              user: {"{"}token: {_cluster.Cluster.AdminToken}{"}"}
            """;
        _app = KubeMcpHost.CreateHttp(new KubeMcpServerOptions { KubeconfigYaml = kubeconfig }, "127.0.0.1", 0);
        await _app.StartAsync(Ct);
        _client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(_app.Urls.First() + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }), cancellationToken: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task ToolsList_MatchesGoServerNamesParametersTypesRequiredAndHints()
    {
        var reference = JsonNode.Parse(await File.ReadAllTextAsync(ReferencePath(), Ct))!.AsObject();

        var tools = await _client!.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal(reference.Select(p => p.Key).Order(), tools.Select(t => t.Name).Order());
        foreach (var tool in tools)
        {
            var expected = reference[tool.Name]!;
            var schema = JsonNode.Parse(tool.ProtocolTool.InputSchema.GetRawText())!;
            var properties = (schema["properties"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!["type"]!.GetValue<string>());
            var expectedProperties = expected["properties"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
            Assert.Equal(expectedProperties.OrderBy(p => p.Key), properties.OrderBy(p => p.Key));
            var required = (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()).Order();
            Assert.Equal(expected["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(), required);
            var hints = tool.ProtocolTool.Annotations!;
            Assert.Equal(expected["readOnlyHint"]!.GetValue<bool>(), hints.ReadOnlyHint);
            Assert.Equal(expected["destructiveHint"]!.GetValue<bool>(), hints.DestructiveHint);
            Assert.Equal(expected["idempotentHint"]!.GetValue<bool>(), hints.IdempotentHint);
            Assert.Equal(expected["openWorldHint"]!.GetValue<bool>(), hints.OpenWorldHint);
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), $"{tool.Name} has no description");
        }
    }

    [Fact]
    public async Task ContextArgument_SelectsTheContextsNamespace()
    {
        var first = await _client!.OkAsync("configuration_contexts_list");
        var viaSecond = await _client!.FailAsync("pods_get", new { name = "nothing-here", context = "second" });
        var unknown = await _client!.FailAsync("pods_list", new { context = "third" });

        Assert.Matches(@"\*\s+first", first);
        Assert.StartsWith("pod nothing-here not found in namespace kube-system", viaSecond);
        Assert.StartsWith("invalid argument 'context': no context named 'third'", unknown);
    }

    [Fact]
    public async Task PromptsList_OffersClusterHealthCheckWithContextArgument()
    {
        var prompts = await _client!.ListPromptsAsync(cancellationToken: Ct);

        var prompt = Assert.Single(prompts);
        Assert.Equal("cluster-health-check", prompt.Name);
        Assert.Equal(["namespace", "check_events", "context"], prompt.ProtocolPrompt.Arguments!.Select(a => a.Name));
    }

    internal static string ReferencePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "KubeMcp.IntegrationTests", "Server", "Reference", "go-server-0.0.67-tools.json");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("go-server-0.0.67-tools.json not found above " + AppContext.BaseDirectory);
    }
}
