using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

public sealed class RbacAuthorizerTests
{
    private static readonly UserInfo Reader = Users.ServiceAccount("default", "reader");
    private static readonly UserInfo Editor = Users.ServiceAccount("default", "editor");

    private static RbacAuthorizer WithViewAndEdit() => new(InMemoryRbacSource.WithBootstrapPolicy(
        Rbac.RoleBinding("default", "reader-view", "ClusterRole", "view", Rbac.ServiceAccount("default", "reader")),
        Rbac.RoleBinding("default", "editor-edit", "ClusterRole", "edit", Rbac.ServiceAccount("default", "editor"))));

    private static RequestAttributes Pods(UserInfo user, string verb, string ns = "default", string name = "", string sub = "") =>
        RequestAttributes.ForResource(user, verb, "", "pods", ns, name, sub);

    [Fact]
    public void View_CanListPodsButNotDeleteThem()
    {
        var authorizer = WithViewAndEdit();

        Assert.True(authorizer.Authorize(Pods(Reader, "list")).Allowed);
        Assert.True(authorizer.Authorize(Pods(Reader, "get", name: "web-1")).Allowed);
        Assert.False(authorizer.Authorize(Pods(Reader, "delete", name: "web-1")).Allowed);
        Assert.False(authorizer.Authorize(Pods(Reader, "create")).Allowed);
    }

    [Fact]
    public void View_CannotReadSecrets_EditCan()
    {
        var authorizer = WithViewAndEdit();
        var readSecret = (UserInfo user) => RequestAttributes.ForResource(user, "get", "", "secrets", "default", "db-password");

        Assert.False(authorizer.Authorize(readSecret(Reader)).Allowed);
        Assert.True(authorizer.Authorize(readSecret(Editor)).Allowed);
    }

    [Fact]
    public void Edit_CanScaleDeploymentsButNotTouchRoles()
    {
        var authorizer = WithViewAndEdit();

        Assert.True(authorizer.Authorize(RequestAttributes.ForResource(Editor, "patch", "apps", "deployments", "default", "web", "scale")).Allowed);
        Assert.True(authorizer.Authorize(RequestAttributes.ForResource(Editor, "create", "apps", "deployments", "default")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForResource(Editor, "create", "rbac.authorization.k8s.io", "roles", "default")).Allowed);
    }

    [Fact]
    public void Allowed_ReasonNamesBindingRoleAndSubject()
    {
        var decision = WithViewAndEdit().Authorize(Pods(Reader, "list"));

        Assert.Equal("RBAC: allowed by RoleBinding \"reader-view/default\" of ClusterRole \"view\" to ServiceAccount \"reader/default\"", decision.Reason);
    }

    [Fact]
    public void ClusterRoleBinding_ReasonNamesUser()
    {
        var authorizer = new RbacAuthorizer(InMemoryRbacSource.WithBootstrapPolicy(
            Rbac.ClusterRoleBinding("alice-view", "view", Rbac.User("alice"))));

        var decision = authorizer.Authorize(RequestAttributes.ForResource(Users.Named("alice"), "list", "", "pods"));

        Assert.True(decision.Allowed);
        Assert.Equal("RBAC: allowed by ClusterRoleBinding \"alice-view\" of ClusterRole \"view\" to User \"alice\"", decision.Reason);
    }

    [Fact]
    public void RoleBoundInOneNamespace_DoesNotGrantAnother()
    {
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(
            Rbac.Role("team-a", "pod-reader", Rbac.Rule(["get", "list"], [""], ["pods"])),
            Rbac.RoleBinding("team-a", "read-pods", "Role", "pod-reader", Rbac.ServiceAccount("team-a", "bot"))));
        var bot = Users.ServiceAccount("team-a", "bot");

        Assert.True(authorizer.Authorize(Pods(bot, "list", "team-a")).Allowed);
        Assert.False(authorizer.Authorize(Pods(bot, "list", "team-b")).Allowed);
        Assert.False(authorizer.Authorize(Pods(bot, "list", "")).Allowed);
    }

    [Fact]
    public void ServiceAccountSubjectWithoutNamespace_MeansTheBindingsNamespace()
    {
        var subject = Rbac.ServiceAccount("ignored", "bot");
        subject.Remove("namespace");
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(
            Rbac.Role("team-a", "pod-reader", Rbac.Rule(["list"], [""], ["pods"])),
            Rbac.RoleBinding("team-a", "read-pods", "Role", "pod-reader", subject)));

        Assert.True(authorizer.Authorize(Pods(Users.ServiceAccount("team-a", "bot"), "list", "team-a")).Allowed);
        Assert.False(authorizer.Authorize(Pods(Users.ServiceAccount("team-b", "bot"), "list", "team-a")).Allowed);
    }

    [Fact]
    public void RoleBindingToClusterRole_GrantsOnlyInItsNamespace()
    {
        var authorizer = WithViewAndEdit();

        Assert.False(authorizer.Authorize(Pods(Reader, "list", "kube-system")).Allowed);
    }

    [Fact]
    public void GroupSubject_MatchesMembers()
    {
        var authorizer = new RbacAuthorizer(InMemoryRbacSource.WithBootstrapPolicy(
            Rbac.ClusterRoleBinding("devs-view", "view", Rbac.Group("devs"))));

        Assert.True(authorizer.Authorize(Pods(Users.Named("bob", "devs"), "list")).Allowed);
        Assert.False(authorizer.Authorize(Pods(Users.Named("carol", "ops"), "list")).Allowed);
    }

    [Fact]
    public void ResourceNames_LimitToNamedObjects()
    {
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(
            Rbac.ClusterRole("one-config", Rbac.Rule(["get", "update"], [""], ["configmaps"], ["app-config"])),
            Rbac.ClusterRoleBinding("one-config", "one-config", Rbac.User("alice"))));
        var alice = Users.Named("alice");

        Assert.True(authorizer.Authorize(RequestAttributes.ForResource(alice, "get", "", "configmaps", "default", "app-config")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForResource(alice, "get", "", "configmaps", "default", "other")).Allowed);
        // A list has no name, so a rule restricted to names never allows it.
        Assert.False(authorizer.Authorize(RequestAttributes.ForResource(alice, "list", "", "configmaps", "default")).Allowed);
    }

    [Fact]
    public void Wildcards_MatchAnyVerbGroupAndResourceIncludingSubresources()
    {
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(
            Rbac.ClusterRole("everything", Rbac.Rule(["*"], ["*"], ["*"])),
            Rbac.ClusterRoleBinding("everything", "everything", Rbac.User("root"))));
        var root = Users.Named("root");

        Assert.True(authorizer.Authorize(RequestAttributes.ForResource(root, "escalate", "rbac.authorization.k8s.io", "clusterroles", name: "x")).Allowed);
        Assert.True(authorizer.Authorize(Pods(root, "get", name: "p", sub: "log")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForPath(root, "get", "/metrics")).Allowed);
    }

    [Fact]
    public void Subresources_NeedTheirOwnRuleOrStarSlashForm()
    {
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(
            Rbac.ClusterRole("pods-only", Rbac.Rule(["get"], [""], ["pods"])),
            Rbac.ClusterRole("logs", Rbac.Rule(["get"], [""], ["pods/log"])),
            Rbac.ClusterRole("scaler", Rbac.Rule(["update"], ["apps"], ["*/scale"])),
            Rbac.ClusterRoleBinding("a", "pods-only", Rbac.User("pods-user")),
            Rbac.ClusterRoleBinding("b", "logs", Rbac.User("log-user")),
            Rbac.ClusterRoleBinding("c", "scaler", Rbac.User("scaler"))));

        Assert.False(authorizer.Authorize(Pods(Users.Named("pods-user"), "get", name: "p", sub: "log")).Allowed);
        Assert.True(authorizer.Authorize(Pods(Users.Named("log-user"), "get", name: "p", sub: "log")).Allowed);
        Assert.False(authorizer.Authorize(Pods(Users.Named("log-user"), "get", name: "p")).Allowed);
        var scaler = Users.Named("scaler");
        Assert.True(authorizer.Authorize(RequestAttributes.ForResource(scaler, "update", "apps", "statefulsets", "default", "db", "scale")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForResource(scaler, "update", "apps", "statefulsets", "default", "db")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForResource(scaler, "update", "apps", "statefulsets", "default", "db", "status")).Allowed);
    }

    [Fact]
    public void NonResourceUrls_MatchExactlyOrByTrailingStarPrefix()
    {
        var authorizer = new RbacAuthorizer(InMemoryRbacSource.WithBootstrapPolicy());
        var user = Users.Named("anyone");

        Assert.True(authorizer.Authorize(RequestAttributes.ForPath(user, "get", "/version")).Allowed);
        Assert.True(authorizer.Authorize(RequestAttributes.ForPath(user, "get", "/apis/apps/v1")).Allowed);
        Assert.True(authorizer.Authorize(RequestAttributes.ForPath(user, "get", "/openapi/v3")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForPath(user, "post", "/version")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForPath(user, "get", "/metrics")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForPath(user, "get", "/versionx")).Allowed);
    }

    [Fact]
    public void Anonymous_MaySeePublicInfoButNotDiscovery()
    {
        var authorizer = new RbacAuthorizer(InMemoryRbacSource.WithBootstrapPolicy());

        Assert.True(authorizer.Authorize(RequestAttributes.ForPath(UserInfo.Anonymous, "get", "/healthz")).Allowed);
        Assert.False(authorizer.Authorize(RequestAttributes.ForPath(UserInfo.Anonymous, "get", "/api")).Allowed);
    }

    [Fact]
    public void SystemMasters_AreAlwaysAllowed_EvenWithNoBindings()
    {
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource());
        var admin = UserInfo.Create("kubernetes-admin", "", ["system:masters", "system:authenticated"]);

        var decision = authorizer.Authorize(RequestAttributes.ForResource(admin, "delete", "", "nodes", name: "n1"));

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void BindingToMissingRole_DeniesWithReasonNamingIt()
    {
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(
            Rbac.ClusterRoleBinding("dangling", "does-not-exist", Rbac.User("alice")),
            Rbac.RoleBinding("default", "dangling-role", "Role", "gone", Rbac.User("alice"))));

        var decision = authorizer.Authorize(Pods(Users.Named("alice"), "list"));

        Assert.False(decision.Allowed);
        Assert.Equal("RBAC: [clusterrole.rbac.authorization.k8s.io \"does-not-exist\" not found, role.rbac.authorization.k8s.io \"gone\" not found]", decision.Reason);
    }

    [Fact]
    public void MalformedBindingsAndRoles_AreIgnoredNotFatal()
    {
        var brokenRole = Rbac.ClusterRole("broken");
        brokenRole["rules"] = "not-a-list";
        var brokenBinding = Rbac.ClusterRoleBinding("weird", "broken", Rbac.User("alice"));
        brokenBinding["subjects"]!.AsArray().Add(42);
        var authorizer = new RbacAuthorizer(new InMemoryRbacSource().Add(brokenRole, brokenBinding,
            Rbac.ClusterRole("ok", Rbac.Rule(["list"], [""], ["pods"])),
            Rbac.ClusterRoleBinding("ok", "ok", Rbac.User("alice"))));

        Assert.True(authorizer.Authorize(Pods(Users.Named("alice"), "list")).Allowed);
    }

    [Fact]
    public void RulesFor_ListsClusterAndNamespaceRules()
    {
        var authorizer = WithViewAndEdit();

        var (rules, error) = authorizer.RulesFor(Reader, "default");

        Assert.Null(error);
        Assert.Contains(rules, r => r.Resources.Contains("pods") && r.Verbs.Contains("list"));
        Assert.Contains(rules, r => r.Resources.Contains("selfsubjectaccessreviews"));
        Assert.Contains(rules, r => r.NonResourceUrls.Contains("/version"));
        Assert.DoesNotContain(rules, r => r.Resources.Contains("secrets"));
        Assert.DoesNotContain(authorizer.RulesFor(Reader, "other").Rules, r => r.Resources.Contains("pods"));
    }
}
