using KubeMcp.Agent.Mcp;
using KubeMcp.IntegrationTests.Server;

namespace KubeMcp.IntegrationTests.Client;

/// <summary>The real kubemcp CLI against our server, over Streamable HTTP and over stdio (<c>serve --stdio</c>).</summary>
[Collection(ThreeServersCollection.Name)]
public sealed class OurServerClientTests(ThreeServersFixture servers)
{
    private string Url => servers.Ours.Endpoint.ToString();

    [Fact]
    public async Task Http_ListDescribeAndCall()
    {
        var objects = new TestObjects(servers.Ours.Cluster);
        await objects.NamespaceAsync("client-ours");
        await objects.PodAsync("client-ours", "web-0", status: TestObjects.Running());

        var list = await KubemcpCli.OkAsync("tools", "list", "--url", Url);
        var describe = await KubemcpCli.OkAsync("tools", "describe", "pods_log", "--url", Url);
        var call = await KubemcpCli.OkAsync("tools", "call", "pods_list_in_namespace", "--arg", "namespace=client-ours", "--url", Url);
        var json = await KubemcpCli.OkAsync("tools", "call", "pods_get", "--args-json", """{"name": "web-0", "namespace": "client-ours"}""", "--json", "--url", Url);

        Assert.Matches(@"(?m)^pods_list\s+read-only\s+-\s+List pods", list);
        Assert.Matches(@"(?m)^pods_delete\s+destructive\s+name\s", list);
        Assert.Contains("23 tools from kubemcp", list);
        Assert.Matches(@"(?m)^tail\s+integer\s+How many", describe);
        Assert.Matches(@"(?m)^name\s+string\s+yes\s", describe);
        Assert.Matches(@"(?m)^web-0\s+1/1\s+Running", call);
        Assert.Contains("name: web-0", System.Text.Json.Nodes.JsonNode.Parse(json)!["content"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Http_CatalogFileRecordsServerProtocolAndSchemas()
    {
        var path = Path.Combine(servers.Ours.Cluster.Directory, "ours_catalog.json");

        var result = await KubemcpCli.RunAsync("tools", "list", "--url", Url, "--output", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Wrote the catalog of 23 tools to {path}.", result.Stderr);
        var catalog = ToolCatalog.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal("kubemcp", catalog.Server.Name);
        Assert.Equal("2025-11-25", catalog.ProtocolVersion);
        Assert.Equal(ToolCatalog.StreamableHttp, catalog.Transport);
        Assert.Equal(Url, catalog.Endpoint);
        var podsLog = catalog.Tools.Single(t => t.Name == "pods_log");
        Assert.Equal("integer", podsLog.InputSchema["properties"]!["tail"]!["type"]!.GetValue<string>());
        Assert.True(podsLog.Annotations.ReadOnlyHint);
    }

    [Fact]
    public async Task Stdio_ListAndCallOverServeStdio()
    {
        var objects = new TestObjects(servers.Ours.Cluster);
        await objects.NamespaceAsync("client-stdio");
        await objects.PodAsync("client-stdio", "over-stdio", status: TestObjects.Running());
        var stdio = $"dotnet '{KubemcpCli.Dll}' serve --stdio --kubeconfig '{servers.Kubeconfig}'";

        var list = await KubemcpCli.OkAsync("tools", "list", "--json", "--stdio", stdio);
        var call = await KubemcpCli.OkAsync("tools", "call", "pods_list_in_namespace", "--arg", "namespace=client-stdio", "--stdio", stdio);

        var catalog = ToolCatalog.Parse(list);
        Assert.Equal(ToolCatalog.Stdio, catalog.Transport);
        Assert.Equal("dotnet", catalog.Endpoint);
        Assert.Equal(23, catalog.Tools.Count);
        Assert.Matches(@"(?m)^over-stdio\s+1/1\s+Running", call);
    }

    [Fact]
    public async Task Errors_UnknownToolInvalidArgumentsAndToolErrors()
    {
        var unknown = await KubemcpCli.RunAsync("tools", "call", "pod_list", "--url", Url);
        var invalid = await KubemcpCli.RunAsync("tools", "call", "pods_log", "--arg", "tail=many", "--arg", "pod=x", "--url", Url);
        var toolError = await KubemcpCli.RunAsync("tools", "call", "pods_get", "--arg", "name=does-not-exist", "--arg", "namespace=default", "--url", Url);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("error: kubemcp has no tool named 'pod_list'. Did you mean pods_list", unknown.Stderr);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("  - tail: must be an integer, but got the string \"many\".", invalid.Stderr);
        Assert.Contains("  - pod: is not a parameter of pods_log. Did you mean 'name'?", invalid.Stderr);
        Assert.Contains("  - name: is required but was not given.", invalid.Stderr);
        Assert.Contains("The input schema of pods_log:", invalid.Stderr);
        Assert.Contains("\"previous\": {", invalid.Stderr);
        Assert.Equal(1, toolError.ExitCode);
        Assert.Contains("does-not-exist", toolError.Stderr);
        Assert.Equal("", toolError.Stdout);
    }

    [Fact]
    public async Task Errors_ProtocolVersionTheServerDoesNotSpeak()
    {
        var result = await KubemcpCli.RunAsync("tools", "list", "--protocol-version", "2024-01-01", "--url", Url);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("does not speak protocol version 2024-01-01; it offered 2025-11-25", result.Stderr);
    }
}
