using KubeMcp.IntegrationTests.Infrastructure;

namespace KubeMcp.IntegrationTests.Server;

/// <summary>The server checks of the MCP conformance suite (npm @modelcontextprotocol/conformance) that apply to a server with its own tools.</summary>
public sealed class ConformanceTests(McpServerFixture server) : IClassFixture<McpServerFixture>
{
    [Theory]
    [InlineData("server-initialize")]
    [InlineData("ping")]
    [InlineData("logging-set-level")]
    [InlineData("tools-list")]
    [InlineData("prompts-list")]
    [InlineData("resources-list")]
    [InlineData("server-sse-multiple-streams")]
    [InlineData("dns-rebinding-protection")]
    public async Task Scenario_Passes(string scenario)
    {
        var conformance = Validators.Find("mcp-conformance");
        if (conformance is null)
        {
            Assert.Skip("the MCP conformance suite is not installed; run eng/install-validators.sh");
        }
        var result = await ProcessRunner.RunAsync(conformance, ["server", "--url", server.Endpoint.ToString(), "--scenario", scenario],
            null, TimeSpan.FromMinutes(2), new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 0 && result.Stdout.Contains(" 0 failed", StringComparison.Ordinal),
            $"{scenario}: exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
    }
}
