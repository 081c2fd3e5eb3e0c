using KubeMcp.Server.Helm;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Helm;

public sealed class ChartSourcePolicyTests
{
    [Theory]
    [InlineData("bitnami/nginx")]
    [InlineData("https://charts.example.com/hello-0.1.0.tgz")]
    [InlineData("oci://registry.example.com/charts/hello")]
    public void Check_AllowsRepositoryReferencesAndEncryptedUrls(string chart) => ChartSourcePolicy.Check(chart, []);

    [Theory]
    [InlineData("/srv/charts/hello", "local path")]
    [InlineData("./hello", "local path")]
    [InlineData("hello-0.1.0.tgz", "local path")]
    [InlineData("file:///srv/charts/hello", "http:// and file://")]
    [InlineData("http://charts.internal/hello.tgz", "http:// and file://")]
    public void Check_RefusesLocalAndUnencryptedSources(string chart, string reason)
    {
        var e = Assert.Throws<ToolArgumentException>(() => ChartSourcePolicy.Check(chart, []));

        Assert.Equal("chart", e.Argument);
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Check_AllowListedPrefixesPass()
    {
        ChartSourcePolicy.Check("/srv/charts/hello", ["/srv/charts/"]);
        ChartSourcePolicy.Check("http://charts.internal/hello.tgz", ["http://charts.internal/"]);

        Assert.Throws<ToolArgumentException>(() => ChartSourcePolicy.Check("/srv/other/hello", ["/srv/charts/"]));
    }
}
