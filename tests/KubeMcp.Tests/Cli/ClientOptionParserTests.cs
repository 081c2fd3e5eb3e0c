using KubeMcp.Cli.Tools;

namespace KubeMcp.Tests.Cli;

public sealed class ClientOptionParserTests
{
    [Fact]
    public void Headers_ColonOrEqualsAndTrimmed()
    {
        var headers = ClientOptionParser.ParseHeaders(["X-Api-Key: abc", "X-Team=platform", "Authorization: Bearer a:b=c", "x-api-key: last"]);

        Assert.Equal("last", headers["X-Api-Key"]);
        Assert.Equal("platform", headers["X-Team"]);
        Assert.Equal("Bearer a:b=c", headers["Authorization"]);
    }

    [Theory]
    [InlineData("no-separator")]
    [InlineData(": value")]
    [InlineData("Bad Name: value")]
    [InlineData("Näme: value")]
    [InlineData("X-Evil: a\r\nInjected: b")]
    public void Headers_MalformedAreRejected(string header)
    {
        var ex = Assert.Throws<ToolsUsageException>(() => ClientOptionParser.ParseHeaders([header]));

        Assert.Contains("--header", ex.Message);
    }

    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("2.5", 2_500)]
    [InlineData("500ms", 500)]
    [InlineData("45s", 45_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData(" 10 s ", 10_000)]
    public void Timeout_SecondsOrUnits(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ClientOptionParser.ParseTimeout(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("5x")]
    [InlineData("1,5")]
    [InlineData("25h")]
    public void Timeout_MalformedAreRejected(string text) =>
        Assert.Throws<ToolsUsageException>(() => ClientOptionParser.ParseTimeout(text));

    [Theory]
    [InlineData("http://localhost:8080/mcp")]
    [InlineData("https://mcp.example.test/v1/mcp")]
    public void Url_HttpAndHttps(string text) => Assert.Equal(new Uri(text), ClientOptionParser.ParseUrl(text));

    [Theory]
    [InlineData("localhost:8080/mcp")]
    [InlineData("/mcp")]
    [InlineData("ftp://host/mcp")]
    [InlineData("")]
    public void Url_OthersAreRejected(string text)
    {
        var ex = Assert.Throws<ToolsUsageException>(() => ClientOptionParser.ParseUrl(text));

        Assert.Contains("is not an http:// or https:// URL", ex.Message);
    }
}
