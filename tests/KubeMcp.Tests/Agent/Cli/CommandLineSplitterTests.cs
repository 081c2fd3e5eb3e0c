using KubeMcp.Cli.Agent;

namespace KubeMcp.Tests.Agent.Cli;

public sealed class CommandLineSplitterTests
{
    [Theory]
    [InlineData("kubemcp serve --stdio", new[] { "kubemcp", "serve", "--stdio" })]
    [InlineData("  npx   -y  server  ", new[] { "npx", "-y", "server" })]
    [InlineData("dotnet \"/opt/my tools/kubemcp.dll\" serve", new[] { "dotnet", "/opt/my tools/kubemcp.dll", "serve" })]
    [InlineData("sh -c 'echo \"hi\" $HOME'", new[] { "sh", "-c", "echo \"hi\" $HOME" })]
    [InlineData("say \"a \\\"quoted\\\" word\"", new[] { "say", "a \"quoted\" word" })]
    [InlineData("a\\ b c", new[] { "a b", "c" })]
    [InlineData("pre\"fix\"'ed' x", new[] { "prefixed", "x" })]
    [InlineData("empty '' \"\"", new[] { "empty", "", "" })]
    public void Split_ReadsWordsLikeAShell(string line, string[] expected)
    {
        Assert.Equal(expected, CommandLineSplitter.Split(line));
    }

    [Fact]
    public void Split_EmptyLineHasNoWords()
    {
        Assert.Empty(CommandLineSplitter.Split("   "));
    }

    [Theory]
    [InlineData("run 'unterminated", "unterminated single quote at position 5")]
    [InlineData("run \"unterminated", "unterminated double quote at position 5")]
    [InlineData("run trailing\\", "lone backslash")]
    public void Split_MalformedLinesAreRejectedWithWhere(string line, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => CommandLineSplitter.Split(line));

        Assert.Contains(message, error.Message);
    }
}
