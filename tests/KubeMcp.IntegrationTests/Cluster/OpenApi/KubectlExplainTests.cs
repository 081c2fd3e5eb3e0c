using System.Diagnostics;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.IntegrationTests.Cluster.OpenApi;

/// <summary>Runs the real kubectl against the generated OpenAPI documents.</summary>
public sealed class KubectlExplainTests
{
    private static readonly string[] Served = ["pods", "deployments", "configmaps"];

    [Fact]
    public async Task ExplainField_PrintsTheFieldDescription()
    {
        var output = await ExplainAsync("pods.spec.containers.image");

        Assert.Contains("KIND:       Pod", output);
        Assert.Contains("FIELD: image <string>", output);
        Assert.Contains("Container image name.", output);
    }

    [Fact]
    public async Task ExplainRecursive_ListsNestedFieldsWithTypes()
    {
        var output = await ExplainAsync("deployments.spec", "--recursive");

        Assert.Contains("GROUP:      apps", output);
        Assert.Contains("replicas\t<integer>", output);
        Assert.Contains("selector\t<LabelSelector> -required-", output);
        Assert.Contains("containers\t<[]Container> -required-", output);
        Assert.Contains("maxSurge\t<IntOrString>", output);
    }

    [Fact]
    public async Task ExplainCustomResource_UsesTheCrdSchema()
    {
        var output = await ExplainAsync("widgets.spec");

        Assert.Contains("GROUP:      example.com", output);
        Assert.Contains("size\t<integer>", output);
        Assert.Contains("How many widgets to make.", output);
    }

    [Fact]
    public async Task ApplyWithStrictValidation_AcceptsTheDocumentsAndUsesServerSideValidation()
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"kubemcp-cm-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(manifest, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm1\n  namespace: default\ndata:\n  a: b\n",
            TestContext.Current.CancellationToken);
        try
        {
            var output = await KubectlAsync("apply", "-f", manifest, "--dry-run=client", "--validate=strict", "-v=6");

            Assert.Contains("configmap/cm1 created (dry run)", output);
            Assert.Contains("/openapi/v3/api/v1?hash=", output);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private static ResourceType Widgets() =>
        new("example.com", "v1", "Widget", "widgets", true, [], ["create", "delete", "get", "list", "patch", "update", "watch"], [], [])
        {
            CustomResourceVersion = JsonNode.Parse("""
                {"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object","properties":{
                  "spec":{"type":"object","description":"What the widget should be.","properties":{
                    "size":{"type":"integer","description":"How many widgets to make."}}}}}}}
                """)!.AsObject(),
        };

    private static Task<string> ExplainAsync(params string[] args) => KubectlAsync(["explain", .. args]);

    /// <summary>Runs kubectl against a fresh test server; returns stdout and stderr (where -v logs go).</summary>
    private static async Task<string> KubectlAsync(params string[] args)
    {
        var kubectl = FindOnPath("kubectl");
        Assert.SkipWhen(kubectl is null, "kubectl is not on PATH");
        List<ResourceType> resources = [.. BuiltinResources.Create().Where(r => Served.Contains(r.Plural) && r.Version == "v1"), Widgets()];
        await using var server = await ExplainServer.StartAsync(resources);
        var dir = Directory.CreateTempSubdirectory("kubemcp-explain-");
        try
        {
            var kubeconfig = Path.Combine(dir.FullName, "config");
            await File.WriteAllTextAsync(kubeconfig, $"""
                apiVersion: v1
                kind: Config
                clusters: [{"{"}name: t, cluster: {"{"}server: "{server.Url}"{"}"}{"}"}]
                users: [{"{"}name: t, user: {"{"}{"}"}{"}"}]
                contexts: [{"{"}name: t, context: {"{"}cluster: t, user: t{"}"}{"}"}]
                current-context: t
                """, TestContext.Current.CancellationToken);
            var start = new ProcessStartInfo(kubectl!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in (string[])[.. args, "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(dir.FullName, "cache")])
            {
                start.ArgumentList.Add(a);
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"kubectl failed ({process.ExitCode}): {await stderr}");
            return await stdout + await stderr;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
