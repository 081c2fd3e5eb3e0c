using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

public sealed class ForbiddenMessageTests
{
    private static readonly UserInfo Reader = Users.ServiceAccount("default", "reader");

    [Fact]
    public void Collection_InNamespace()
    {
        var message = RbacAuthorizer.ForbiddenMessage(RequestAttributes.ForResource(Reader, "delete", "", "pods", "default"));

        Assert.Equal("pods is forbidden: User \"system:serviceaccount:default:reader\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\"", message);
    }

    [Fact]
    public void NamedObject_QuotesTheName()
    {
        var message = RbacAuthorizer.ForbiddenMessage(RequestAttributes.ForResource(Reader, "delete", "", "pods", "default", "web-1"));

        Assert.Equal("pods \"web-1\" is forbidden: User \"system:serviceaccount:default:reader\" cannot delete resource \"pods\" in API group \"\" in the namespace \"default\"", message);
    }

    [Fact]
    public void ClusterScope_AndNonCoreGroup()
    {
        var message = RbacAuthorizer.ForbiddenMessage(RequestAttributes.ForResource(Reader, "list", "rbac.authorization.k8s.io", "clusterroles"));

        Assert.Equal("clusterroles.rbac.authorization.k8s.io is forbidden: User \"system:serviceaccount:default:reader\" cannot list resource \"clusterroles\" in API group \"rbac.authorization.k8s.io\" at the cluster scope", message);
    }

    [Fact]
    public void Subresource_IsNamedWithItsResource()
    {
        var message = RbacAuthorizer.ForbiddenMessage(RequestAttributes.ForResource(Reader, "get", "", "pods", "default", "web-1", "log"));

        Assert.Equal("pods \"web-1\" is forbidden: User \"system:serviceaccount:default:reader\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"default\"", message);
    }

    [Fact]
    public void NonResourcePath()
    {
        var message = RbacAuthorizer.ForbiddenMessage(RequestAttributes.ForPath(UserInfo.Anonymous, "get", "/metrics"));

        Assert.Equal("forbidden: User \"system:anonymous\" cannot get path \"/metrics\"", message);
    }

    [Fact]
    public void Reason_IsAppended()
    {
        var message = RbacAuthorizer.ForbiddenMessage(RequestAttributes.ForResource(Reader, "list", "", "pods", "default"),
            "RBAC: role.rbac.authorization.k8s.io \"gone\" not found");

        Assert.EndsWith("in the namespace \"default\": RBAC: role.rbac.authorization.k8s.io \"gone\" not found", message);
    }

    [Fact]
    public void Forbidden_IsA403StatusWithDetails()
    {
        var error = RbacAuthorizer.Forbidden(RequestAttributes.ForResource(Reader, "get", "apps", "deployments", "default", "web"));
        var status = error.ToStatus();

        Assert.Equal(403, error.Code);
        Assert.Equal("Forbidden", (string?)status["reason"]);
        Assert.Equal("web", (string?)status["details"]!["name"]);
        Assert.Equal("apps", (string?)status["details"]!["group"]);
        Assert.Equal("deployments", (string?)status["details"]!["kind"]);
        Assert.StartsWith("deployments.apps \"web\" is forbidden: ", error.Message);
    }
}
