using KubeMcp.Server;
using KubeMcp.Server.Errors;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Tools;

namespace KubeMcp.Tests.Server.Errors;

public sealed class ErrorMessagesTests
{
    private static readonly ClusterConnections NoCluster = new(new KubeMcpServerOptions { Kubeconfig = "/nonexistent/kubeconfig" });

    private static Task<string> Describe(Exception e) => ErrorMessages.DescribeAsync(e, NoCluster, null, CancellationToken.None);

    [Fact]
    public async Task Forbidden_KeepsTheApiServersWordsAndExplainsRbac()
    {
        var text = await Describe(new KubeApiException(403, "Forbidden",
            "pods is forbidden: User \"dev\" cannot list resource \"pods\" in API group \"\" in the namespace \"prod\"",
            new ApiTarget(ApiResource.Pods, "prod", null, "list")));

        Assert.StartsWith("forbidden: pods is forbidden: User \"dev\" cannot list resource \"pods\"", text);
        Assert.Contains("RBAC", text);
    }

    [Fact]
    public async Task AlreadyExists_SuggestsAnotherNameOrApply()
    {
        var text = await Describe(new KubeApiException(409, "AlreadyExists", "pods \"web\" already exists", new ApiTarget(ApiResource.Pods, "prod", "web", "create")));

        Assert.Equal("pod web already exists in namespace prod; pick another name, or use resources_create_or_update to change it.", text);
    }

    [Fact]
    public async Task NotFound_WithoutAReachableClusterStillNamesTheObject()
    {
        var text = await Describe(new KubeApiException(404, "NotFound", "pods \"web\" not found", new ApiTarget(ApiResource.Pods, "prod", "web", "get")));

        Assert.Equal("pod web not found in namespace prod.", text);
    }

    [Fact]
    public async Task Unreachable_NamesTheServer()
    {
        var text = await Describe(new ClusterUnreachableException(new Uri("https://10.0.0.1:6443/"), "Connection refused"));

        Assert.StartsWith("cannot reach the Kubernetes API server at https://10.0.0.1:6443: Connection refused.", text);
    }

    [Fact]
    public async Task ArgumentErrors_PassThrough()
    {
        Assert.Equal("invalid argument 'tail': must be 0 or more, got -1", await Describe(new ToolArgumentException("tail", "must be 0 or more, got -1")));
    }

    [Fact]
    public async Task Unexpected_SaysWhatHappenedWithoutAStackTrace()
    {
        var e = new InvalidOperationException("boom");

        var text = await Describe(e);

        Assert.Equal("the tool failed unexpectedly (InvalidOperationException: boom).", text);
        Assert.True(ErrorMessages.IsUnexpected(e));
        Assert.False(ErrorMessages.IsUnexpected(new ToolFailedException("x")));
    }

    [Fact]
    public void MissingKubeconfig_SaysHowToPointAtACluster()
    {
        Assert.Contains("--embedded", NoCluster.ConfigurationError);
        Assert.Contains("/nonexistent/kubeconfig", NoCluster.ConfigurationError);
    }
}
