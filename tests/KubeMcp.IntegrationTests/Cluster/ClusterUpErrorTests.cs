using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Cluster;

/// <summary><c>kubemcp cluster up</c> with input it cannot use says what is wrong in one line, without a stack trace.</summary>
public sealed class ClusterUpErrorTests
{
    [Fact]
    public async Task UnknownScenario_NamesTheBuiltInOnes()
    {
        var result = await ClusterUpAsync("production-failng");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("kubemcp cluster up: no scenario \"production-failng\": give a built-in name (", result.Stderr);
        Assert.Contains("production-failing", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task MalformedScenarioFile_SaysWhereTheYamlBreaks()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("kubemcp-scenario-").FullName, "broken.yaml");
        await File.WriteAllTextAsync(file, "apiVersion: v1\nkind: Pod\nmetadata: {name: x\n", TestContext.Current.CancellationToken);
        try
        {
            var result = await ClusterUpAsync(file);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("kubemcp cluster up: the scenario is not valid YAML: error parsing YAML at line 4", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static Task<ProcessResult> ClusterUpAsync(string scenario) =>
        ProcessRunner.RunAsync("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "kubemcp.dll"), "cluster", "up", "--port", "0", "--kubeconfig", Path.Combine(Path.GetTempPath(), $"kubemcp-{Guid.NewGuid():N}"), "--scenario", scenario],
            null, TimeSpan.FromSeconds(60));
}
