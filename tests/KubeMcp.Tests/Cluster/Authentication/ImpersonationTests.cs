using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Tests.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authentication;

public sealed class ImpersonationTests
{
    private static readonly UserInfo Admin = UserInfo.Create("kubernetes-admin", "", ["system:masters", "system:authenticated"]);
    private static readonly UserInfo Alice = UserInfo.Create("alice", "", ["devs", "system:authenticated"]);

    private readonly RbacAuthorizer _authorizer = new(InMemoryRbacSource.WithBootstrapPolicy(
        Rbac.ClusterRole("impersonate-bob", Rbac.Rule(["impersonate"], [""], ["users"], ["bob"])),
        Rbac.ClusterRoleBinding("alice-impersonates-bob", "impersonate-bob", Rbac.User("alice")),
        Rbac.RoleBinding("apps", "alice-edit", "ClusterRole", "edit", Rbac.User("alice"))));

    private UserInfo Resolve(UserInfo requester, params (string Name, string[] Values)[] headers) =>
        Impersonation.Resolve(requester, headers.ToDictionary(h => h.Name, h => h.Values), _authorizer.Authorize);

    [Fact]
    public void NoHeaders_ReturnsTheRequester()
    {
        Assert.Same(Alice, Resolve(Alice, ("Accept", ["application/json"])));
        Assert.False(Impersonation.IsRequested(new Dictionary<string, string[]> { ["Accept"] = ["x"] }));
    }

    [Fact]
    public void Admin_CanImpersonateAnyUserWithGroups()
    {
        var user = Resolve(Admin, ("Impersonate-User", ["jane"]), ("Impersonate-Group", ["qa", "ops"]));

        Assert.Equal("jane", user.Name);
        Assert.Equal(["qa", "ops", "system:authenticated"], user.Groups);
    }

    [Fact]
    public void ImpersonatingUserWithoutGroups_GetsOnlyAuthenticated()
    {
        var user = Resolve(Admin, ("impersonate-user", ["jane"]));

        Assert.Equal(["system:authenticated"], user.Groups);
        Assert.Equal("", user.Uid);
    }

    [Fact]
    public void ImpersonatingServiceAccount_AddsItsGroups()
    {
        var user = Resolve(Admin, ("Impersonate-User", ["system:serviceaccount:default:reader"]));

        Assert.Equal("system:serviceaccount:default:reader", user.Name);
        Assert.Equal(["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"], user.Groups);
    }

    [Fact]
    public void ImpersonatingServiceAccountWithGroups_UsesOnlyTheGivenGroups()
    {
        var user = Resolve(Admin, ("Impersonate-User", ["system:serviceaccount:default:reader"]), ("Impersonate-Group", ["x"]));

        Assert.Equal(["x", "system:authenticated"], user.Groups);
    }

    [Fact]
    public void ImpersonatingAnonymous_GetsUnauthenticated()
    {
        var user = Resolve(Admin, ("Impersonate-User", ["system:anonymous"]));

        Assert.Equal(["system:unauthenticated"], user.Groups);
    }

    [Fact]
    public void UidAndExtras_AreCarried()
    {
        var user = Resolve(Admin, ("Impersonate-User", ["jane"]), ("Impersonate-Uid", ["u-42"]),
            ("Impersonate-Extra-Scopes", ["view", "development"]), ("Impersonate-Extra-example.com%2fteam", ["blue"]));

        Assert.Equal("u-42", user.Uid);
        Assert.Equal(["view", "development"], user.Extra["scopes"]);
        Assert.Equal(["blue"], user.Extra["example.com/team"]);
    }

    [Fact]
    public void UserAllowedByResourceName_CanImpersonateOnlyThatUser()
    {
        Assert.Equal("bob", Resolve(Alice, ("Impersonate-User", ["bob"])).Name);

        var error = Assert.Throws<ApiException>(() => Resolve(Alice, ("Impersonate-User", ["carol"])));
        Assert.Equal(403, error.Code);
        Assert.Equal("users \"carol\" is forbidden: User \"alice\" cannot impersonate resource \"users\" in API group \"\" at the cluster scope", error.Message);
    }

    [Fact]
    public void Groups_NeedTheirOwnPermission()
    {
        var error = Assert.Throws<ApiException>(() => Resolve(Alice, ("Impersonate-User", ["bob"]), ("Impersonate-Group", ["system:masters"])));

        Assert.Equal("groups \"system:masters\" is forbidden: User \"alice\" cannot impersonate resource \"groups\" in API group \"\" at the cluster scope", error.Message);
    }

    [Fact]
    public void ServiceAccounts_AreCheckedInTheirNamespace()
    {
        // edit includes impersonating service accounts, here only in "apps".
        Assert.Equal("system:serviceaccount:apps:deployer", Resolve(Alice, ("Impersonate-User", ["system:serviceaccount:apps:deployer"])).Name);

        var error = Assert.Throws<ApiException>(() => Resolve(Alice, ("Impersonate-User", ["system:serviceaccount:kube-system:admin"])));
        Assert.Equal("serviceaccounts \"admin\" is forbidden: User \"alice\" cannot impersonate resource \"serviceaccounts\" in API group \"\" in the namespace \"kube-system\"", error.Message);
    }

    [Fact]
    public void Extras_AreCheckedAsUserextrasSubresources()
    {
        var error = Assert.Throws<ApiException>(() => Resolve(Alice, ("Impersonate-User", ["bob"]), ("Impersonate-Extra-scopes", ["admin"])));

        Assert.Equal("userextras.authentication.k8s.io \"admin\" is forbidden: User \"alice\" cannot impersonate resource \"userextras/scopes\" in API group \"authentication.k8s.io\" at the cluster scope", error.Message);
    }

    [Fact]
    public void Uid_IsChecked()
    {
        var error = Assert.Throws<ApiException>(() => Resolve(Alice, ("Impersonate-User", ["bob"]), ("Impersonate-Uid", ["1"])));

        Assert.StartsWith("uids.authentication.k8s.io \"1\" is forbidden:", error.Message);
    }

    [Theory]
    [InlineData("Impersonate-Group")]
    [InlineData("Impersonate-Uid")]
    [InlineData("Impersonate-Extra-scopes")]
    public void PartsWithoutUser_AreRejected(string header)
    {
        var error = Assert.Throws<ApiException>(() => Resolve(Admin, (header, ["x"])));

        Assert.Equal(500, error.Code);
        Assert.Contains("without impersonating a user", error.Message);
    }

    [Fact]
    public void EmptyUserHeader_IsNoImpersonation()
    {
        Assert.Same(Alice, Resolve(Alice, ("Impersonate-User", [""])));
    }

    [Fact]
    public void ImpersonatedUser_IsThenAuthorizedAsThemselves()
    {
        var jane = Resolve(Admin, ("Impersonate-User", ["jane"]));

        Assert.False(_authorizer.Authorize(RequestAttributes.ForResource(jane, "list", "", "pods", "default")).Allowed);
    }
}
