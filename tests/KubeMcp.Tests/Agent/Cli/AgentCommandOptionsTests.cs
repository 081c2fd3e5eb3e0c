using System.CommandLine;
using KubeMcp.Agent.Providers;
using KubeMcp.Cli.Agent;
using KubeMcp.Cli.Commands;

namespace KubeMcp.Tests.Agent.Cli;

public sealed class AgentCommandOptionsTests
{
    private static AgentSettings Read(string[] args, Dictionary<string, string>? environment = null, bool connection = true)
    {
        var options = new AgentCommandOptions(connection);
        var command = new RootCommand();
        options.AddTo(command);
        var result = command.Parse(args);
        Assert.Empty(result.Errors);
        return options.Read(result, name => environment?.GetValueOrDefault(name));
    }

    [Fact]
    public void Read_OptionsOverrideTheEnvironment()
    {
        var settings = Read(
            ["--provider", "openai", "--model-url", "http://gpu:8000/v1", "--yes", "--session", "s1", "--max-steps", "7", "-n", "shop", "--json", "t.json"],
            new() { ["KUBEMCP_PROVIDER"] = "triton", ["KUBEMCP_MODEL"] = "qwen3", ["KUBEMCP_API_KEY"] = "k" });

        Assert.Equal(ModelProvider.OpenAI, settings.Model.Provider);
        Assert.Equal(new Uri("http://gpu:8000/v1"), settings.Model.ModelUrl);
        Assert.Equal("qwen3", settings.Model.Model);
        Assert.Equal("k", settings.Model.ApiKey);
        Assert.True(settings.AutoApprove);
        Assert.Equal("s1", settings.SessionId);
        Assert.Equal(7, settings.MaxSteps);
        Assert.Equal("shop", settings.Namespace);
        Assert.Equal("t.json", settings.TranscriptPath);
        Assert.Null(settings.McpUrl);
        Assert.Null(settings.StdioCommand);
    }

    [Fact]
    public void Read_DefaultsAreSafe()
    {
        var settings = Read([]);

        Assert.False(settings.AutoApprove);
        Assert.Equal(15, settings.MaxSteps);
        Assert.Null(settings.Model.Provider);
        Assert.Null(settings.SessionId);
    }

    [Theory]
    [InlineData(new[] { "--provider", "gpt" }, "--provider='gpt' is not a provider")]
    [InlineData(new[] { "--model-url", "localhost:8000" }, "--model-url='localhost:8000' is not an http(s) URL")]
    [InlineData(new[] { "--url", "ftp://x/mcp" }, "--url='ftp://x/mcp' is not an http(s) URL")]
    [InlineData(new[] { "--url", "http://x/mcp", "--stdio", "kubemcp serve --stdio" }, "Give --url or --stdio, not both.")]
    [InlineData(new[] { "--max-steps", "0" }, "--max-steps=0 must be at least 1.")]
    public void Read_BadValuesSayWhatIsWrong(string[] args, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Read(args));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Demo_HasNoConnectionOrApprovalOptions()
    {
        var options = new AgentCommandOptions(connection: false);
        var command = new RootCommand();
        options.AddTo(command);

        Assert.NotEmpty(command.Parse(["--url", "http://x"]).Errors);
        Assert.Empty(command.Parse(["--provider", "offline", "--json", "x.json"]).Errors);
    }

    [Theory]
    [InlineData("Why is web failing?", "shop", "Why is web failing?\n(namespace: shop)")]
    [InlineData("All shop pods are failing", "shop", "All shop pods are failing")]
    [InlineData("List pods", null, "List pods")]
    public void NamespaceHint_IsAddedWhenTheTaskDoesNotNameTheNamespace(string task, string? ns, string expected)
    {
        Assert.Equal(expected, AgentSession.WithNamespaceHint(task, ns));
    }
}
