using System.Diagnostics;
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

    private static async Task<string> ExplainAsync(params string[] args)
    {
        var kubectl = FindOnPath("kubectl");
        Assert.SkipWhen(kubectl is null, "kubectl is not on PATH");
        var resources = BuiltinResources.Create().Where(r => Served.Contains(r.Plural) && r.Version == "v1").ToList();
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
            foreach (var a in (string[])["explain", .. args, "--kubeconfig", kubeconfig, "--cache-dir", Path.Combine(dir.FullName, "cache")])
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
            return await stdout;
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
