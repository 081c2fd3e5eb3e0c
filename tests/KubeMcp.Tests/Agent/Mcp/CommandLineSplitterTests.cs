using KubeMcp.Agent.Mcp;

namespace KubeMcp.Tests.Agent.Mcp;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("kubemcp serve --stdio", new[] { "kubemcp", "serve", "--stdio" })]
    [InlineData("  dotnet\t/opt/k m/kubemcp.dll  ", new[] { "dotnet", "/opt/k", "m/kubemcp.dll" })]
    [InlineData("dotnet '/opt/k m/kubemcp.dll' serve", new[] { "dotnet", "/opt/k m/kubemcp.dll", "serve" })]
    [InlineData("sh -c \"echo \\\"hi\\\" $HOME\"", new[] { "sh", "-c", "echo \"hi\" $HOME" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("x '' y", new[] { "x", "", "y" })]
    [InlineData("pre'quoted'post", new[] { "prequotedpost" })]
    [InlineData("'it''s'", new[] { "its" })]
    [InlineData("\"a\\nb\"", new[] { "a\\nb" })]
    [InlineData("  npx   -y  server  ", new[] { "npx", "-y", "server" })]
    [InlineData("sh -c 'echo \"hi\" $HOME'", new[] { "sh", "-c", "echo \"hi\" $HOME" })]
    [InlineData("say \"a \\\"quoted\\\" word\"", new[] { "say", "a \"quoted\" word" })]
    [InlineData("\"cost \\$5\"", new[] { "cost $5" })]
    [InlineData("empty '' \"\"", new[] { "empty", "", "" })]
    public void Split_FollowsShellQuoting(string line, string[] expected) =>
        Assert.Equal(expected, CommandLineSplitter.Split(line));

    [Fact]
    public void Split_EmptyLineHasNoWords() => Assert.Empty(CommandLineSplitter.Split("   "));

    [Theory]
    [InlineData("kubemcp 'serve", "unclosed single quote at position 9")]
    [InlineData("kubemcp \"serve", "unclosed double quote at position 9")]
    [InlineData("kubemcp serve\\", "ends with a lone backslash")]
    [InlineData("\"abc\\\"", "unclosed double quote")]
    public void Split_MalformedLinesAreRejected(string line, string message)
    {
        var ex = Assert.Throws<FormatException>(() => CommandLineSplitter.Split(line));

        Assert.Contains(message, ex.Message);
    }
}
