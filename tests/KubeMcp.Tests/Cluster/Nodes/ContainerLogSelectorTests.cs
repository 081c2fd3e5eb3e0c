using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ContainerLogSelectorTests
{
    private static JsonObject Pod(JsonObject? status) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "api-1", ["namespace"] = "shop" },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "api" }) },
        ["status"] = status is null ? new JsonObject() : new JsonObject { ["containerStatuses"] = new JsonArray(status) },
    };

    private static JsonObject Waiting(string reason, JsonObject? lastTerminated = null) => new()
    {
        ["name"] = "api",
        ["state"] = new JsonObject { ["waiting"] = new JsonObject { ["reason"] = reason } },
        ["lastState"] = lastTerminated is null ? new JsonObject() : new JsonObject { ["terminated"] = lastTerminated },
    };

    private static string Error(JsonObject pod, bool previous = false) =>
        Assert.Throws<ApiException>(() => ContainerLogSelector.Select(pod, "api", previous, null)) is { Code: 400 } e
            ? e.Message
            : throw new InvalidOperationException("expected a 400");

    [Theory]
    [InlineData("ContainerCreating", "container \"api\" in pod \"api-1\" is waiting to start: ContainerCreating")]
    [InlineData("ErrImagePull", "container \"api\" in pod \"api-1\" is waiting to start: image can't be pulled")]
    [InlineData("ImagePullBackOff", "container \"api\" in pod \"api-1\" is waiting to start: trying and failing to pull image")]
    [InlineData("CreateContainerConfigError", "container \"api\" in pod \"api-1\" is waiting to start: CreateContainerConfigError")]
    public void WaitingContainer_GivesTheKubeletsReason(string reason, string message)
    {
        Assert.Equal(message, Error(Pod(Waiting(reason))));
    }

    [Fact]
    public void UnreportedContainer_IsStillBeingCreated()
    {
        Assert.Equal("container \"api\" in pod \"api-1\" is waiting to start: ContainerCreating", Error(Pod(null)));
    }

    [Fact]
    public void Previous_WithoutATerminatedRunIsNotFound()
    {
        Assert.Equal("previous terminated container \"api\" in pod \"api-1\" not found", Error(Pod(Waiting("ContainerCreating")), previous: true));
    }

    [Fact]
    public void CrashLoop_ReadsTheLastTerminatedRun_WhichMustStillExist()
    {
        var pod = Pod(Waiting("CrashLoopBackOff", new JsonObject { ["containerID"] = "containerd://dead", ["exitCode"] = 1 }));

        // The status names a run the runtime no longer has: the kubelet would find no log file either.
        Assert.Equal("container \"api\" in pod \"api-1\" is waiting to start - no logs yet", Error(pod));
    }
}
