using System.Net;
using System.Net.Http.Headers;
using System.Text;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.Server;
using KubeMcp.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>Options that change what the server says: output budget, YAML lists, stateless HTTP, read-only, the prompt.</summary>
public sealed class ServerModesTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutputBudget_CutsLongListsAtARowWithANote()
    {
        var objects = new TestObjects(cluster);
        await objects.NamespaceAsync("many");
        for (var i = 0; i < 60; i++)
        {
            await objects.PodAsync("many", $"replica-{i:D2}", status: TestObjects.Running());
        }
        await using var app = await StartAsync(o => o.OutputBudget = 1000);
        await using var client = await ConnectAsync(app);

        var text = await client.OkAsync("pods_list_in_namespace", new { @namespace = "many" });

        var note = text[text.IndexOf("\n[", StringComparison.Ordinal)..];
        Assert.True(text.Length - note.Length <= 1000, $"{text.Length} characters");
        Assert.Matches(@"\[\d+ of 60 pods not shown: output budget reached\. Narrow it with labelSelector or fieldSelector\.\]", note);
        Assert.All(text[..^note.Length].TrimEnd('\n').Split('\n').Skip(1), l => Assert.StartsWith("replica-", l));
    }

    [Fact]
    public async Task ListOutputYaml_PrintsCleanedObjects()
    {
        var objects = new TestObjects(cluster);
        await objects.NamespaceAsync("yaml");
        await objects.PodAsync("yaml", "as-yaml", status: TestObjects.Running());
        await using var app = await StartAsync(o => o.ListOutput = ListOutputFormat.Yaml);
        await using var client = await ConnectAsync(app);

        var text = await client.OkAsync("pods_list_in_namespace", new { @namespace = "yaml" });

        Assert.StartsWith("- apiVersion: v1\n  kind: Pod\n", text);
        Assert.Contains("name: as-yaml", text);
        Assert.DoesNotContain("managedFields", text);
    }

    [Fact]
    public async Task ReadOnly_OffersOnlyReadTools()
    {
        await using var app = await StartAsync(o => o.ReadOnly = true);
        await using var client = await ConnectAsync(app);

        var tools = await client.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal(14, tools.Count);
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations!.ReadOnlyHint));
    }

    [Fact]
    public async Task Stateless_AnswersWithoutSessionOrInitialize()
    {
        await using var app = await StartAsync(o => o.Stateless = true);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, app.Urls.First() + "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");

        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Mcp-Session-Id"));
        Assert.Contains("\"pods_list\"", body);
    }

    [Fact]
    public async Task ClusterHealthCheckPrompt_ReportsUnhealthyPods()
    {
        var objects = new TestObjects(cluster);
        await objects.NamespaceAsync("sick");
        await objects.PodAsync("sick", "fine", status: TestObjects.Running());
        await objects.PodAsync("sick", "broken", status: TestObjects.CrashLooping(9));
        await using var app = await StartAsync();
        await using var client = await ConnectAsync(app);

        var prompt = await client.GetPromptAsync("cluster-health-check", new Dictionary<string, object?> { ["namespace"] = "sick" }, cancellationToken: Ct);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("2 pods in total, 1 need attention.", text);
        Assert.Matches(@"sick\s{2,}broken\s{2,}0/1\s{2,}CrashLoopBackOff", text);
        Assert.DoesNotContain("fine ", text);
        Assert.Contains("## Nodes", text);
    }

    private async Task<WebApplication> StartAsync(Action<KubeMcpServerOptions>? configure = null)
    {
        var options = new KubeMcpServerOptions { Kubeconfig = cluster.KubeconfigPath, Toolsets = [KubeMcpToolsets.Core, KubeMcpToolsets.Config] };
        configure?.Invoke(options);
        var app = KubeMcpHost.CreateHttp(options, "127.0.0.1", 0);
        await app.StartAsync(Ct);
        return app;
    }

    private static Task<McpClient> ConnectAsync(WebApplication app) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(app.Urls.First() + "/mcp") }),
            new McpClientOptions { ProtocolVersion = "2025-06-18" }, cancellationToken: Ct);
}
