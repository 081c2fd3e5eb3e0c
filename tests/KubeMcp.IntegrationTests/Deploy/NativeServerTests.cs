using System.Net.Http.Json;
using System.Text.Json.Nodes;
using k8s;
using KubeMcp.IntegrationTests.Infrastructure;
using KubeMcp.IntegrationTests.Server;
using KubeMcp.IntegrationTests.Server.Hardening;
using ModelContextProtocol.Client;

namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>
/// The native kubemcp-server against the production-failing scenario: every tool through the official MCP client over
/// stdio, Streamable HTTP with its health probe, and the policy file, all in the ahead-of-time build.
/// </summary>
public sealed class NativeServerTests(NativeServerBuild build, ScenarioClusterFixture cluster)
    : IClassFixture<NativeServerBuild>, IClassFixture<ScenarioClusterFixture>
{
    private const string AllowEverything = "defaults: { read: allow, write: allow, destructive: allow }\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stdio_EveryToolAnswersFromTheCluster()
    {
        var policy = Path.Combine(build.Directory, "allow-all.yaml");
        await File.WriteAllTextAsync(policy, AllowEverything, Ct);
        var helm = Validators.Find("helm") ?? throw new InvalidOperationException("helm is missing: run eng/install-validators.sh");
        var chart = Path.Combine(build.Directory, "chart");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        await File.WriteAllTextAsync(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: native\nversion: 0.1.0\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(chart, "templates", "configmap.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-chart\ndata:\n  built: ahead-of-time\n", Ct);
        await using var client = await McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "kubemcp-server",
            Command = build.RequireExecutable(),
            Arguments = ["--stdio", "--kubeconfig", cluster.KubeconfigPath, "--policy", policy, "--helm", helm, "--allow-chart-source", chart],
        }), cancellationToken: Ct);
        var api = cluster.Client;
        var frontend = (await api.CoreV1.ListNamespacedPodAsync("production", labelSelector: "app=frontend", cancellationToken: Ct)).Items[0].Metadata.Name;
        var node = (await api.CoreV1.ListNodeAsync(cancellationToken: Ct)).Items.First(n => n.Spec?.Unschedulable != true).Metadata.Name;
        var called = new HashSet<string>();
        async Task<string> Ok(string tool, object? args = null)
        {
            called.Add(tool);
            return await client.OkAsync(tool, args);
        }

        var tools = await client.ListToolsAsync(cancellationToken: Ct);
        Assert.Contains("CrashLoopBackOff", await Ok("pods_list"));
        Assert.Contains(frontend, await Ok("pods_list_in_namespace", new { @namespace = "production" }));
        Assert.Contains("kind: Pod", await Ok("pods_get", new { @namespace = "production", name = frontend }));
        Assert.NotEmpty(await Ok("pods_log", new { @namespace = "production", name = frontend }));
        Assert.Equal("native\n", await Ok("pods_exec", new { @namespace = "production", name = frontend, command = new[] { "echo", "native" } }));
        Assert.Contains(frontend, await Ok("pods_top", new { @namespace = "production" }));
        Assert.Contains(node, await Ok("nodes_top"));
        Assert.Contains(node, await Ok("nodes_stats_summary", new { name = node }));
        Assert.NotEmpty(await Ok("nodes_log", new { name = node, query = "kubelet" }));
        Assert.Contains("production", await Ok("namespaces_list"));
        Assert.Contains("BackOff", await Ok("events_list", new { @namespace = "production" }));
        Assert.Contains("frontend", await Ok("resources_list", new { apiVersion = "apps/v1", kind = "Deployment", @namespace = "production" }));
        Assert.Contains("kind: Deployment", await Ok("resources_get", new { apiVersion = "apps/v1", kind = "Deployment", @namespace = "production", name = "frontend" }));
        await Ok("resources_create_or_update", new { resource = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: native-settings\n  namespace: production\ndata:\n  mode: aot\n" });
        Assert.Equal("aot", (await api.CoreV1.ReadNamespacedConfigMapAsync("native-settings", "production", cancellationToken: Ct)).Data["mode"]);
        await Ok("resources_scale", new { apiVersion = "apps/v1", kind = "Deployment", @namespace = "production", name = "frontend", scale = 4 });
        Assert.Equal(4, (await api.AppsV1.ReadNamespacedDeploymentAsync("frontend", "production", cancellationToken: Ct)).Spec.Replicas);
        await Ok("resources_delete", new { apiVersion = "v1", kind = "ConfigMap", @namespace = "production", name = "native-settings" });
        await Ok("pods_run", new { @namespace = "production", name = "native-run", image = "nginx" });
        await Ok("pods_delete", new { @namespace = "production", name = "native-run" });
        Assert.Contains("clusters:", await Ok("configuration_view"));
        Assert.StartsWith("release packed installed", await Ok("helm_install", new { chart, name = "packed", @namespace = "production" }));
        Assert.Contains("packed", await Ok("helm_list", new { all_namespaces = true }));
        Assert.Equal("ahead-of-time", (await api.CoreV1.ReadNamespacedConfigMapAsync("packed-chart", "production", cancellationToken: Ct)).Data["built"]);
        await Ok("helm_uninstall", new { name = "packed", @namespace = "production" });

        called.Add("projects_list");
        Assert.Contains("not OpenShift", await client.FailAsync("projects_list"));

        // configuration_contexts_list is offered only with several contexts; this kubeconfig has one.
        Assert.Empty(tools.Select(t => t.Name).Except(called));
        Assert.DoesNotContain((await api.CoreV1.ListNamespacedConfigMapAsync("production", cancellationToken: Ct)).Items, c => c.Metadata.Name == "native-settings");
    }

    [Fact]
    public async Task Http_AnswersHealthAndToolsList()
    {
        using var server = await ServerProcess.StartAsync(build.RequireExecutable(), [], "--kubeconfig", cluster.KubeconfigPath);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var health = await http.GetFromJsonAsync<JsonObject>("/healthz", Ct);
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions { Endpoint = server.Endpoint }),
            cancellationToken: Ct);
        var tools = await client.ListToolsAsync(cancellationToken: Ct);

        Assert.Equal("healthy", health?["status"]?.GetValue<string>());
        Assert.Equal(DotnetToolTests.ExpectedVersion(), health?["version"]?.GetValue<string>());
        Assert.Contains(tools, t => t.Name == "pods_list");
    }

    [Fact]
    public async Task BadPolicyFile_IsOneLineAndExitCode2()
    {
        var policy = Path.Combine(build.Directory, "typo.yaml");
        await File.WriteAllTextAsync(policy, "defaults: { read: allow }\nrulez: []\n", Ct);

        var run = await ProcessRunner.RunAsync(build.RequireExecutable(), ["--stdio", "--kubeconfig", cluster.KubeconfigPath, "--policy", policy],
            null, TimeSpan.FromMinutes(1));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("kubemcp-server: ", run.Stderr);
        Assert.Contains("rulez", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task KubeconfigVariableNamingNoFile_SaysSoInOneLine()
    {
        var run = await ProcessRunner.RunAsync(build.RequireExecutable(), ["--stdio"], null, TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["KUBECONFIG"] = "/nonexistent/kubeconfig" });

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("kubemcp-server: $KUBECONFIG is /nonexistent/kubeconfig, and no file it names exists", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
