using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class PodContainersTests
{
    private static JsonObject Pod(params string[] containers) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web-1", ["namespace"] = "shop" },
        ["spec"] = new JsonObject
        {
            ["initContainers"] = new JsonArray(new JsonObject { ["name"] = "migrate" }),
            ["containers"] = new JsonArray([.. containers.Select(c => (JsonNode)new JsonObject { ["name"] = c })]),
        },
    };

    [Fact]
    public void Resolve_DefaultsToTheOnlyContainer()
    {
        Assert.Equal("nginx", PodContainers.Resolve(Pod("nginx"), null));
        Assert.Equal("migrate", PodContainers.Resolve(Pod("nginx"), "migrate"));
    }

    [Fact]
    public void Resolve_SeveralContainersNeedAName()
    {
        var e = Assert.Throws<ApiException>(() => PodContainers.Resolve(Pod("nginx", "sidecar"), ""));

        Assert.Equal(400, e.Code);
        Assert.Equal("a container name must be specified for pod web-1, choose one of: [migrate nginx sidecar]", e.Message);
    }

    [Fact]
    public void Resolve_UnknownContainerIsNotValid()
    {
        var e = Assert.Throws<ApiException>(() => PodContainers.Resolve(Pod("nginx"), "redis"));

        Assert.Equal("container redis is not valid for pod web-1", e.Message);
    }
}
