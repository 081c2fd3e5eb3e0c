using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Tests.Cluster.Authorization;

public sealed class RequestInfoParserTests
{
    [Theory]
    [InlineData("GET", "/api/v1/namespaces/default/pods", null, "list", "", "v1", "pods", "", "default", "")]
    [InlineData("GET", "/api/v1/namespaces/default/pods/web-1", null, "get", "", "v1", "pods", "", "default", "web-1")]
    [InlineData("GET", "/api/v1/namespaces/default/pods", "watch=true&resourceVersion=10", "watch", "", "v1", "pods", "", "default", "")]
    [InlineData("GET", "/api/v1/namespaces/default/pods", "?watch=1", "watch", "", "v1", "pods", "", "default", "")]
    [InlineData("GET", "/api/v1/namespaces/default/pods", "watch=false", "list", "", "v1", "pods", "", "default", "")]
    [InlineData("GET", "/api/v1/pods", null, "list", "", "v1", "pods", "", "", "")]
    [InlineData("POST", "/api/v1/namespaces/default/pods", null, "create", "", "v1", "pods", "", "default", "")]
    [InlineData("PUT", "/apis/apps/v1/namespaces/prod/deployments/web", null, "update", "apps", "v1", "deployments", "", "prod", "web")]
    [InlineData("PATCH", "/apis/apps/v1/namespaces/prod/deployments/web/scale", null, "patch", "apps", "v1", "deployments", "scale", "prod", "web")]
    [InlineData("DELETE", "/api/v1/namespaces/default/pods/web-1", null, "delete", "", "v1", "pods", "", "default", "web-1")]
    [InlineData("DELETE", "/api/v1/namespaces/default/pods", null, "deletecollection", "", "v1", "pods", "", "default", "")]
    [InlineData("GET", "/api/v1/namespaces/default/pods/web-1/log", null, "get", "", "v1", "pods", "log", "default", "web-1")]
    [InlineData("POST", "/api/v1/namespaces/default/serviceaccounts/bot/token", null, "create", "", "v1", "serviceaccounts", "token", "default", "bot")]
    [InlineData("GET", "/api/v1/namespaces", null, "list", "", "v1", "namespaces", "", "", "")]
    [InlineData("GET", "/api/v1/namespaces/kube-system", null, "get", "", "v1", "namespaces", "", "kube-system", "kube-system")]
    [InlineData("PUT", "/api/v1/namespaces/old/finalize", null, "update", "", "v1", "namespaces", "finalize", "old", "old")]
    [InlineData("GET", "/api/v1/nodes/node-1/", null, "get", "", "v1", "nodes", "", "", "node-1")]
    [InlineData("GET", "/apis/rbac.authorization.k8s.io/v1/clusterroles", null, "list", "rbac.authorization.k8s.io", "v1", "clusterroles", "", "", "")]
    [InlineData("GET", "/api/v1/watch/namespaces/default/pods", null, "watch", "", "v1", "pods", "", "default", "")]
    [InlineData("GET", "/api/v1/watch/namespaces/default/pods/web-1", null, "watch", "", "v1", "pods", "", "default", "web-1")]
    [InlineData("GET", "/api/v1/proxy/namespaces/default/pods/web-1/metrics", null, "proxy", "", "v1", "pods", "", "default", "web-1")]
    [InlineData("OPTIONS", "/api/v1/pods", null, "", "", "v1", "pods", "", "", "")]
    public void Parse_ResourceRequests(string method, string path, string? query, string verb, string group, string version,
        string resource, string subresource, string ns, string name)
    {
        var attributes = RequestInfoParser.Parse(method, path, query);

        Assert.True(attributes.IsResourceRequest);
        Assert.Equal(verb, attributes.Verb);
        Assert.Equal(group, attributes.ApiGroup);
        Assert.Equal(version, attributes.ApiVersion);
        Assert.Equal(resource, attributes.Resource);
        Assert.Equal(subresource, attributes.Subresource);
        Assert.Equal(ns, attributes.Namespace);
        Assert.Equal(name, attributes.Name);
        Assert.Equal(path, attributes.Path);
    }

    [Theory]
    [InlineData("fieldSelector=metadata.name%3Dweb-1", "web-1")]
    [InlineData("fieldSelector=metadata.name%3D%3Dweb-1&watch=true", "web-1")]
    [InlineData("fieldSelector=status.phase%3DRunning,metadata.name%3Dweb-1", "web-1")]
    [InlineData("fieldSelector=metadata.name!%3Dweb-1", "")]
    [InlineData("fieldSelector=metadata.name%3Da%2Fb", "")]
    [InlineData("fieldSelector=%%%", "")]
    public void Parse_NameFromFieldSelector_OnListAndWatch(string query, string name)
    {
        var attributes = RequestInfoParser.Parse("GET", "/api/v1/namespaces/default/pods", query);

        Assert.Equal(name, attributes.Name);
        Assert.Contains(attributes.Verb, new[] { "list", "watch" });
    }

    [Theory]
    [InlineData("GET", "/version", "get")]
    [InlineData("GET", "/healthz", "get")]
    [InlineData("GET", "/openapi/v3/apis/apps/v1", "get")]
    [InlineData("GET", "/api", "get")]
    [InlineData("GET", "/api/v1", "get")]
    [InlineData("GET", "/apis", "get")]
    [InlineData("GET", "/apis/apps", "get")]
    [InlineData("GET", "/apis/apps/v1", "get")]
    [InlineData("POST", "/", "post")]
    [InlineData("GET", "", "get")]
    [InlineData("GET", "//", "get")]
    [InlineData("GET", "/apix/v1/pods", "get")]
    [InlineData("HEAD", "/livez", "head")]
    public void Parse_NonResourceRequests(string method, string path, string verb)
    {
        var attributes = RequestInfoParser.Parse(method, path, null);

        Assert.False(attributes.IsResourceRequest);
        Assert.Equal(verb, attributes.Verb);
        Assert.Equal(path, attributes.Path);
        Assert.Equal("", attributes.Resource);
    }

    [Theory]
    [InlineData("/api/v1/watch")]
    [InlineData("/apis/apps/v1/proxy/")]
    public void Parse_SpecialVerbWithoutResource_IsBadRequest(string path)
    {
        var error = Assert.Throws<ApiException>(() => RequestInfoParser.Parse("GET", path, null));

        Assert.Equal(400, error.Code);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("/api/v1/namespaces//pods")]
    [InlineData("/api/v1/namespaces/default/pods/a/b/c/d")]
    [InlineData("/apis/x/y/z")]
    public void Parse_OddButWellFormedPaths_DoNotThrow(string path)
    {
        var attributes = RequestInfoParser.Parse("GET", path, "&&=&watch");

        Assert.True(attributes.IsResourceRequest);
    }

    [Fact]
    public void Parse_CarriesTheUser()
    {
        var user = Users.Named("alice");

        Assert.Same(user, RequestInfoParser.Parse("GET", "/api/v1/pods", null, user).User);
        Assert.Same(user, RequestInfoParser.Parse("GET", "/version", null, user).User);
    }
}
