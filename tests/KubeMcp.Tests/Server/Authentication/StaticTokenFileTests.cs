using KubeMcp.Server.Authentication;

namespace KubeMcp.Tests.Server.Authentication;

public sealed class StaticTokenFileTests
{
    private const string Alice = "alice-token-0123456789abcdef";
    private const string Bob = "bob-token-0123456789abcdef-x";

    [Fact]
    public async Task Parse_ReadsKubernetesStaticTokenFormat()
    {
        var file = StaticTokenFile.Parse($"# operators\n{Alice},alice,1001,\"ops,oncall\"\n\n{Bob},bob\n");
        var ct = TestContext.Current.CancellationToken;

        var alice = await file.AuthenticateAsync(Alice, ct);
        var bob = await file.AuthenticateAsync(Bob, ct);

        Assert.Equal(2, file.Count);
        Assert.Equal("alice", alice!.Name);
        Assert.Equal(["ops", "oncall"], alice.Groups);
        Assert.Equal("bob", bob!.Name);
        Assert.Empty(bob.Groups);
        Assert.True(alice.IsAuthenticated);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice-token-0123456789abcdef-wrong")]
    [InlineData("ALICE-TOKEN-0123456789ABCDEF")]
    public async Task Authenticate_UnknownTokensAreRejected(string token)
    {
        var file = StaticTokenFile.Parse($"{Alice},alice\n");

        Assert.Null(await file.AuthenticateAsync(token, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("", "has no tokens")]
    [InlineData("only-a-token-0123456789\n", "line 1: expected token,user")]
    [InlineData("short,alice\n", "shorter than 16")]
    [InlineData("# c\nalice-token-0123456789abcdef,alice,1,\"ops\n", "line 2: a quoted field is not closed")]
    [InlineData("alice-token-0123456789abcdef,alice\nalice-token-0123456789abcdef,bob\n", "line 2: the same token appears twice")]
    [InlineData("alice token 0123456789abcdef,alice\n", "whitespace")]
    [InlineData(",alice\n", "line 1: expected")]
    public void Parse_MalformedFilesNameTheLineButNeverTheToken(string text, string expected)
    {
        var e = Assert.Throws<TokenFileException>(() => StaticTokenFile.Parse(text, "tokens.csv"));

        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("0123456789abcdef", e.Message);
    }
}
