using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Tests.Cli.Evaluation;

public sealed class AssertionTests
{
    [Fact]
    public void Answer_NeedsOnePhraseOfEveryGroup_CaseInsensitively()
    {
        var assertion = new AnswerAssertion { Mentions = [["DATABASE_URL"], ["lock file", "pid"]], Excludes = ["password"] };

        Assert.Null(assertion.Check("database_url is unset; a stale PID blocks start-up"));
        Assert.Equal("the answer does not mention \"DATABASE_URL\"", assertion.Check("a stale pid"));
        Assert.Equal("the answer mentions none of \"lock file\", \"pid\"", assertion.Check("DATABASE_URL"));
        Assert.Equal("the answer mentions \"password\", which it must not", assertion.Check("DATABASE_URL, pid, Password: hunter2"));
        Assert.Equal("the answer does not mention \"DATABASE_URL\"", assertion.Check(null));
    }

    [Fact]
    public void StateAssertions_DescribeThemselvesForReports()
    {
        var deploy = new ObjectReference("Deployment", null, "web", "web");

        Assert.Equal("Deployment web/web exists", new ExistsAssertion(deploy).Describe());
        Assert.Equal("Namespace kube-system is absent", new AbsentAssertion(new ObjectReference("Namespace", null, null, "kube-system")).Describe());
        Assert.Equal("Deployment web/web {.spec.replicas} equals \"3\"", new FieldAssertion(deploy, "{.spec.replicas}", FieldComparison.Equals, "3").Describe());
        Assert.Equal("exactly 2 ready Running pods in web with app=web", new PodsAssertion("web", "app=web", "Running", true, 2, null).Describe());
        Assert.Equal("at least 1 Failed pods in jobs", new PodsAssertion("jobs", null, "Failed", null, null, 1).Describe());
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("2m", 120)]
    [InlineData("1h30m", 5400)]
    [InlineData("1m30s", 90)]
    [InlineData("500ms", 0.5)]
    [InlineData("45", 45)]
    [InlineData("1.5m", 90)]
    public void GoDuration_ParsesKubernetesDurations(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 m")]
    [InlineData("-3")]
    [InlineData("2d")]
    [InlineData("1m30")]
    public void GoDuration_RejectsOtherText(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Fact]
    public void GoDuration_FormatsForReports()
    {
        Assert.Equal(("2m30s", "45s", "1h", "250ms"),
            (GoDuration.Format(TimeSpan.FromSeconds(150)), GoDuration.Format(TimeSpan.FromSeconds(45)), GoDuration.Format(TimeSpan.FromHours(1)),
                GoDuration.Format(TimeSpan.FromMilliseconds(250))));
    }
}
