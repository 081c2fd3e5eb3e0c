namespace KubeMcp.IntegrationTests.Deploy;

/// <summary>The small Dockerfile reader the image tests use, on good and malformed input.</summary>
public sealed class DockerfileParserTests
{
    [Fact]
    public void Parse_SplitsStages_JoinsContinuations_AndSkipsComments()
    {
        var file = Dockerfile.Parse("""
            # syntax=docker/dockerfile:1
            ARG VERSION=1
            FROM --platform=$BUILDPLATFORM sdk:${VERSION} AS build
            RUN echo one \
              # a comment inside the continuation
                && echo two
            from runtime:1
            user 1000
            ENTRYPOINT ["/app/x", "--flag"]
            """);

        Assert.Equal("ARG", Assert.Single(file.GlobalArgs).Keyword);
        Assert.Equal(2, file.Stages.Count);
        Assert.Equal(("sdk:${VERSION}", "build", "$BUILDPLATFORM"), (file.Stages[0].BaseImage, file.Stages[0].Name, file.Stages[0].Platform));
        var run = Assert.Single(file.Stage("build").All("RUN"));
        Assert.Equal("echo one && echo two", run.Arguments);
        Assert.Equal(4, run.Line);
        Assert.Null(file.Final.Name);
        Assert.Equal("1000", Assert.Single(file.Final.All("USER")).Arguments);
        Assert.Equal(["/app/x", "--flag"], Assert.Single(file.Final.All("ENTRYPOINT")).ExecForm());
    }

    [Fact]
    public void ExecForm_IsNullForTheShellFormAndForBrokenJson()
    {
        var file = Dockerfile.Parse("FROM a\nCMD echo hi\nENTRYPOINT [\"/x\"\n");

        Assert.Null(Assert.Single(file.Final.All("CMD")).ExecForm());
        Assert.Null(Assert.Single(file.Final.All("ENTRYPOINT")).ExecForm());
    }

    [Theory]
    [InlineData("", "no FROM instruction")]
    [InlineData("# only a comment\n", "no FROM instruction")]
    [InlineData("RUN echo\nFROM a\n", "line 1: RUN before the first FROM")]
    [InlineData("FROM a\nCOPPY x y\n", "line 2: unknown instruction 'COPPY'")]
    [InlineData("FROM\n", "line 1: FROM needs an image")]
    [InlineData("FROM --platform=linux/amd64\n", "line 1: FROM needs an image")]
    [InlineData("FROM a AS\n", "line 1: FROM takes an image and an optional 'AS name'")]
    [InlineData("FROM a b c d\n", "line 1: FROM takes an image and an optional 'AS name'")]
    [InlineData("FROM a\nRUN echo \\\n", "line 2: the instruction ends with a line continuation")]
    public void Parse_RejectsMalformedInputWithTheLine(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => Dockerfile.Parse(text));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Stage_NamesTheMissingStage()
    {
        var file = Dockerfile.Parse("FROM a AS one\n");

        var error = Assert.Throws<KeyNotFoundException>(() => file.Stage("two"));

        Assert.Equal("the Dockerfile has no stage named two", error.Message);
    }
}
