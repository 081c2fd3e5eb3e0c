using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Kubelet.Shell;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class ShellParserTests
{
    private static ShellSyntaxException SyntaxError(string script) =>
        Assert.Throws<ShellSyntaxException>(() => ShellParser.Parse(script));

    [Fact]
    public void Parse_ReadsListsAndOrsPipelinesAndCompoundCommands()
    {
        var script = ShellParser.Parse("""
            set -e
            if [ -f /x ]; then echo yes; elif true; then :; else echo no; fi
            for i in 1 2 3; do echo $i; done | cat > /dev/null 2>&1
            while true; do sleep 1; done &
            { a && b || c; } ; ( cd /tmp )
            """);

        Assert.Equal(6, script.Items.Count);
        Assert.IsType<IfNode>(script.Items[1].Node);
        var pipeline = Assert.IsType<PipelineNode>(script.Items[2].Node);
        Assert.IsType<ForNode>(pipeline.Commands[0]);
        Assert.True(script.Items[3].Background);
        Assert.IsType<GroupNode>(script.Items[4].Node);
        Assert.True(Assert.IsType<GroupNode>(script.Items[5].Node).Subshell);
    }

    [Fact]
    public void Parse_KeepsQuotingInformationForExpansion()
    {
        var command = Assert.IsType<SimpleCommandNode>(ShellParser.Parse("echo \"a $X\" 'b $Y' c${Z:-d}").Items[0].Node);

        Assert.Equal(4, command.Words.Count);
        Assert.Contains(command.Words[1].Parts, p => p is ParameterPart { Name: "X", Quoted: true });
        Assert.Equal([new LiteralPart("b $Y", true)], command.Words[2].Parts);
        Assert.Contains(command.Words[3].Parts, p => p is ParameterPart { Name: "Z", Operator: ":-" });
    }

    [Fact]
    public void Parse_RecognisesAssignmentsAndRedirectionsWithDescriptors()
    {
        var command = Assert.IsType<SimpleCommandNode>(ShellParser.Parse("A=1 B=\"x y\" env 2>>/tmp/err 1>&2").Items[0].Node);

        Assert.Equal(["A", "B"], command.Assignments.Select(a => a.Name));
        Assert.Single(command.Words);
        Assert.Equal(new[] { (2, RedirectionKind.Append), (1, RedirectionKind.Duplicate) }, command.Redirections.Select(r => (r.Fd, r.Kind)));
    }

    [Theory]
    [InlineData("echo 'hi", "'")]
    [InlineData("echo \"hi", "\"")]
    [InlineData("echo `date", "`")]
    [InlineData("echo $(date", "(")]
    [InlineData("echo ${HOME", "{")]
    public void Parse_UnterminatedQuote_IsASyntaxError(string script, string quote)
    {
        var error = SyntaxError(script);

        Assert.Equal(ShellSyntaxErrorKind.UnterminatedQuote, error.Kind);
        Assert.Equal(quote, error.Token);
    }

    [Theory]
    [InlineData("while true; do echo", "done")]
    [InlineData("if true; then echo", "fi")]
    [InlineData("for i in 1 2", "do")]
    [InlineData("{ echo", "}")]
    [InlineData("echo a &&", "")]
    public void Parse_ScriptEndingInsideACommand_IsUnexpectedEndOfFile(string script, string expecting)
    {
        var error = SyntaxError(script);

        Assert.Equal(ShellSyntaxErrorKind.UnexpectedEndOfFile, error.Kind);
        Assert.Equal(expecting, error.Token);
    }

    [Theory]
    [InlineData("done", "done")]
    [InlineData("&& echo", "&&")]
    [InlineData("echo a;; echo b", ";;")]
    [InlineData("if then fi", "then")]
    [InlineData("echo )", ")")]
    public void Parse_MisplacedToken_IsUnexpectedToken(string script, string token)
    {
        var error = SyntaxError(script);

        Assert.Equal(ShellSyntaxErrorKind.UnexpectedToken, error.Kind);
        Assert.Equal(token, error.Token);
    }

    [Theory]
    [InlineData("cat <<EOF\nhi\nEOF", "here-documents")]
    [InlineData("case $x in a) echo;; esac", "case statements")]
    [InlineData("f() { echo; }; f", "shell functions")]
    public void Parse_ValidButUnmodelledShell_IsReportedAsUnsupported(string script, string construct) =>
        Assert.Equal(construct, Assert.Throws<ShellUnsupportedException>(() => ShellParser.Parse(script)).Construct);

    [Fact]
    public void SyntaxError_IsWordedPerDialect()
    {
        var unterminated = SyntaxError("echo 'hi");
        var eof = SyntaxError("while true; do\necho");
        var token = SyntaxError("echo a\ndone");

        Assert.Equal(["sh: syntax error: unterminated quoted string"], new ShellMessages(ShellDialect.Ash, "sh", false).SyntaxError(unterminated));
        Assert.Equal(["sh: 1: Syntax error: Unterminated quoted string"], new ShellMessages(ShellDialect.Dash, "sh", false).SyntaxError(unterminated));
        Assert.Equal(["bash: -c: line 1: unexpected EOF while looking for matching `''"], new ShellMessages(ShellDialect.Bash, "bash", false).SyntaxError(unterminated));

        Assert.Equal(["sh: syntax error: unexpected end of file (expecting \"done\")"], new ShellMessages(ShellDialect.Ash, "sh", false).SyntaxError(eof));
        Assert.Equal(["sh: 2: Syntax error: end of file unexpected (expecting \"done\")"], new ShellMessages(ShellDialect.Dash, "sh", false).SyntaxError(eof));
        Assert.Equal(["bash: -c: line 2: syntax error: unexpected end of file"], new ShellMessages(ShellDialect.Bash, "bash", false).SyntaxError(eof));

        Assert.Equal(["/bin/sh: syntax error: unexpected \"done\""], new ShellMessages(ShellDialect.Ash, "/bin/sh", false).SyntaxError(token));
        Assert.Equal(["sh: 2: Syntax error: \"done\" unexpected"], new ShellMessages(ShellDialect.Dash, "sh", false).SyntaxError(token));
        Assert.Equal(["bash: -c: line 2: syntax error near unexpected token `done'", "bash: -c: line 2: `done'"],
            new ShellMessages(ShellDialect.Bash, "bash", false).SyntaxError(token));
    }

    [Fact]
    public void NotFound_IsWordedPerDialect()
    {
        Assert.Equal("sh: python3: not found", new ShellMessages(ShellDialect.Ash, "sh", false).NotFound("python3", 1));
        Assert.Equal("/scripts/run.sh: line 4: python3: not found", new ShellMessages(ShellDialect.Ash, "/scripts/run.sh", true).NotFound("python3", 4));
        Assert.Equal("sh: 1: python3: not found", new ShellMessages(ShellDialect.Dash, "sh", false).NotFound("python3", 1));
        Assert.Equal("bash: line 1: python3: command not found", new ShellMessages(ShellDialect.Bash, "bash", false).NotFound("python3", 1));
    }
}
