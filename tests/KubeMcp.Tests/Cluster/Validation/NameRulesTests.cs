using KubeMcp.Cluster.Validation;

namespace KubeMcp.Tests.Cluster.Validation;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("web-1")]
    [InlineData("0abc")]
    public void Dns1123Label_AcceptsValidNames(string name) => Assert.Empty(NameRules.Dns1123Label(name));

    [Fact]
    public void Dns1123Label_RejectsWithTheServerMessage()
    {
        var errors = NameRules.Dns1123Label("Web_1");

        Assert.Equal(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an " +
            "alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            Assert.Single(errors));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-web")]
    [InlineData("web-")]
    [InlineData("web\n")]
    [InlineData("we b")]
    public void Dns1123Label_RejectsMalformedNames(string name) => Assert.NotEmpty(NameRules.Dns1123Label(name));

    [Fact]
    public void Dns1123Subdomain_AllowsDotsAndLimitsLength()
    {
        Assert.Empty(NameRules.Dns1123Subdomain("my.app-1.example"));
        Assert.Contains("must be no more than 253 characters", NameRules.Dns1123Subdomain(new string('a', 254)));
        Assert.StartsWith("a lowercase RFC 1123 subdomain must consist of", Assert.Single(NameRules.Dns1123Subdomain("a..b")));
    }

    [Fact]
    public void Dns1035Label_MustStartWithALetter()
    {
        Assert.Empty(NameRules.Dns1035Label("svc-1"));
        Assert.StartsWith("a DNS-1035 label must consist of", Assert.Single(NameRules.Dns1035Label("1svc")));
    }

    [Theory]
    [InlineData("app")]
    [InlineData("app.kubernetes.io/name")]
    [InlineData("Example_Key.1")]
    public void QualifiedName_AcceptsLabelKeys(string key) => Assert.Empty(NameRules.QualifiedName(key));

    [Theory]
    [InlineData("bad key!", "name part must consist of")]
    [InlineData("/name", "prefix part must be non-empty")]
    [InlineData("Example.com/name", "prefix part a lowercase RFC 1123 subdomain")]
    [InlineData("a/b/c", "a qualified name must consist of")]
    [InlineData("example.com/", "name part must be non-empty")]
    public void QualifiedName_RejectsMalformedKeys(string key, string expectedStart) =>
        Assert.Contains(NameRules.QualifiedName(key), e => e.StartsWith(expectedStart, StringComparison.Ordinal));

    [Fact]
    public void LabelValue_AllowsEmptyAndLimitsLength()
    {
        Assert.Empty(NameRules.LabelValue(""));
        Assert.Empty(NameRules.LabelValue("v1.2_beta"));
        Assert.Contains("must be no more than 63 characters", NameRules.LabelValue(new string('a', 64)));
        Assert.StartsWith("a valid label must be an empty string", NameRules.LabelValue("-x").Single());
    }

    [Fact]
    public void PathSegment_RejectsSlashesAndDots()
    {
        Assert.Empty(NameRules.PathSegment("system:controller:foo"));
        Assert.Equal(["may not be '..'"], NameRules.PathSegment(".."));
        Assert.Equal(["may not contain '/'"], NameRules.PathSegment("a/b"));
    }

    [Fact]
    public void ConfigKey_AndPortName()
    {
        Assert.Empty(NameRules.ConfigKey("app.properties"));
        Assert.StartsWith("a valid config key must consist of", NameRules.ConfigKey("bad key").Single());
        Assert.Contains("must not start with '..'", NameRules.ConfigKey("..data"));
        Assert.Empty(NameRules.PortName("http"));
        Assert.Contains("must contain at least one letter (a-z)", NameRules.PortName("8080"));
        Assert.Contains("must be no more than 15 characters", NameRules.PortName("a-very-long-port-name"));
    }
}
