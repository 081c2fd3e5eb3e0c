using KubeMcp.Server.Policy;

namespace KubeMcp.Tests.Server.Policy;

public sealed class GlobPatternTests
{
    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("pods_*", "pods_delete", true)]
    [InlineData("pods_*", "resources_delete", false)]
    [InlineData("web-?", "web-1", true)]
    [InlineData("web-?", "web-12", false)]
    [InlineData("SECRET", "Secret", true)]
    [InlineData("*-prod-*", "eu-prod-db", true)]
    [InlineData("a*b*c", "aXbYc", true)]
    [InlineData("a*b*c", "aXbY", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Matches_ShellStylePatterns(string pattern, string value, bool expected) =>
        Assert.Equal(expected, GlobPattern.Matches(pattern, value));

    [Fact]
    public void Matches_PathologicalPatternEndsQuickly()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var value = new string('a', 5000);

        Assert.False(GlobPattern.Matches(pattern, value));
    }

    [Fact]
    public void MatchesAny_EmptyListMatchesEverything() => Assert.True(GlobPattern.MatchesAny([], "x"));
}
