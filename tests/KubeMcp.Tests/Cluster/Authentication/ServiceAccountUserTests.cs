using KubeMcp.Cluster.Authentication;

namespace KubeMcp.Tests.Cluster.Authentication;

public sealed class ServiceAccountUserTests
{
    [Theory]
    [InlineData("system:serviceaccount:default:reader", "default", "reader")]
    [InlineData("system:serviceaccount:kube-system:dns.controller", "kube-system", "dns.controller")]
    public void TrySplit_ValidNames(string username, string ns, string name)
    {
        Assert.True(ServiceAccountUser.TrySplit(username, out var actualNs, out var actualName));
        Assert.Equal(ns, actualNs);
        Assert.Equal(name, actualName);
        Assert.True(ServiceAccountUser.Matches(ns, name, username));
    }

    [Theory]
    [InlineData("alice")]
    [InlineData("system:serviceaccount:")]
    [InlineData("system:serviceaccount:default")]
    [InlineData("system:serviceaccount:default:")]
    [InlineData("system:serviceaccount::reader")]
    [InlineData("system:serviceaccount:a:b:c")]
    [InlineData("system:serviceaccount:Default:reader")]
    [InlineData("system:serviceaccount:default:reader\n")]
    [InlineData("system:serviceaccount:dot.ns:reader")]
    [InlineData("system:serviceaccounts:default:reader")]
    public void TrySplit_InvalidNames_AreNotServiceAccounts(string username)
    {
        Assert.False(ServiceAccountUser.TrySplit(username, out _, out _));
    }

    [Fact]
    public void Matches_RequiresExactNamespaceAndName()
    {
        Assert.False(ServiceAccountUser.Matches("default", "reader", "system:serviceaccount:default:reader2"));
        Assert.False(ServiceAccountUser.Matches("default", "reader", "system:serviceaccount:defaul:treader"));
        Assert.False(ServiceAccountUser.Matches("default", "reader", "system:serviceaccount:other:reader"));
    }
}
