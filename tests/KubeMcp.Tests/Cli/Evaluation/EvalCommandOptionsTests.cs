using System.CommandLine;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Commands;
using KubeMcp.Cli.Evaluation.Running;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class EvalCommandOptionsTests
{
    private static EvalOptions Read(params string[] args) => Read(args, []);

    private static EvalOptions Read(string[] args, Dictionary<string, string> environment)
    {
        var options = new EvalCommandOptions();
        var command = new RootCommand();
        options.AddTo(command);
        var result = command.Parse(args);
        Assert.Empty(result.Errors);
        return options.Read(result, name => environment.GetValueOrDefault(name));
    }

    [Fact]
    public void Defaults_AreTheOfflinePlannerOnTheRepositorySuite()
    {
        var options = Read();

        Assert.Equal(EvalBackendKind.Offline, options.Backend);
        Assert.Equal(Path.GetFullPath(Path.Combine("eval", "tasks")), options.Suite);
        Assert.Equal((1, 2), (options.Runs, options.Parallel));
        Assert.Equal(Path.GetFullPath("eval-results"), options.OutputDirectory);
        Assert.Empty(options.Tasks);
        Assert.Equal("offline", options.BackendName);
    }

    [Fact]
    public void Options_SelectTasksBackEndRunsAndOutput()
    {
        var options = Read("--task", "diag-*", "fix-scale-up", "--provider", "scripted", "--runs", "3", "--parallel", "4", "--out", "/tmp/x",
            "--baseline", "old.json", "--helm", "/opt/helm");

        Assert.Equal(["diag-*", "fix-scale-up"], options.Tasks);
        Assert.Equal((EvalBackendKind.Scripted, 3, 4), (options.Backend, options.Runs, options.Parallel));
        Assert.Equal(("/tmp/x", "old.json", "/opt/helm"), (options.OutputDirectory, options.Baseline, options.HelmPath));
    }

    [Fact]
    public void AModelUrl_MeansAModelServer_DetectedUnlessTheProviderIsGiven()
    {
        var detected = Read("--model-url", "http://gpu:8000/v1", "--model", "qwen3");
        var openai = Read(["--provider", "openai", "--model-url", "http://gpu:8000/v1"], new() { ["KUBEMCP_API_KEY"] = "k" });

        Assert.Equal((EvalBackendKind.Model, null, "qwen3"), (detected.Backend, detected.Model.Provider, detected.Model.Model));
        Assert.Equal((EvalBackendKind.Model, ModelProvider.OpenAI, "k", "openai"), (openai.Backend, openai.Model.Provider, openai.Model.ApiKey, openai.BackendName));
        Assert.Equal(new Uri("http://gpu:8000/v1"), openai.Model.ModelUrl);
    }

    [Theory]
    [InlineData("--provider scripted --model-url http://gpu:8000", "--provider scripted needs none")]
    [InlineData("--provider triton", "needs the model server's URL")]
    [InlineData("--provider gpt", "is not a provider")]
    [InlineData("--model-url ftp://x", "is not an http(s) URL")]
    [InlineData("--runs 0", "must be at least 1")]
    [InlineData("--parallel 0", "must be at least 1")]
    public void Read_RejectsUnusableCombinations(string args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Read(args.Split(' ')));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Helm_IsFoundThroughKubeMcpValidators()
    {
        var dir = Directory.CreateTempSubdirectory("kubemcp-validators");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "helm"), "");

            Assert.Equal(Path.Combine(dir.FullName, "helm"), Read([], new() { ["KUBEMCP_VALIDATORS"] = dir.FullName }).HelmPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
