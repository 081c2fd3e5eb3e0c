using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class StaleStateTrackerTests
{
    private const string Line = "FATAL: lock file exists";

    [Fact]
    public void FirstPodsOfAWorkload_CarryTheState_WhateverTheirCreationTime()
    {
        var tracker = new StaleStateTracker();

        Assert.Equal(Line, tracker.CrashLineFor(DeploymentPod("api-1", "abc")));
        Assert.Equal(Line, tracker.CrashLineFor(DeploymentPod("api-2", "abc")));
    }

    [Fact]
    public void AfterOnePodIsDeleted_TheWorkloadsNewPodsStartClean()
    {
        var tracker = new StaleStateTracker();
        var first = DeploymentPod("api-1", "abc");
        tracker.CrashLineFor(first);

        tracker.Deleted(first.Uid());

        Assert.Null(tracker.CrashLineFor(DeploymentPod("api-3", "abc")));
    }

    [Fact]
    public void ANewTemplate_StartsClean_WhileTheOldPodsStillRun()
    {
        var tracker = new StaleStateTracker();
        tracker.CrashLineFor(DeploymentPod("api-1", "abc"));

        Assert.Null(tracker.CrashLineFor(DeploymentPod("api-4", "def")));
    }

    [Fact]
    public void DeletingAPodOfAnotherWorkload_ClearsNothing()
    {
        var tracker = new StaleStateTracker();
        tracker.CrashLineFor(DeploymentPod("api-1", "abc"));
        var other = DeploymentPod("worker-1", "xyz", deployment: "worker");
        tracker.CrashLineFor(other);

        tracker.Deleted(other.Uid());

        Assert.Equal(Line, tracker.CrashLineFor(DeploymentPod("api-2", "abc")));
    }

    [Fact]
    public void PodsWithoutTheAnnotation_StartClean()
    {
        var tracker = new StaleStateTracker();
        var pod = DeploymentPod("api-1", "abc");
        pod["metadata"]!["annotations"] = new JsonObject();

        Assert.Null(tracker.CrashLineFor(pod));
    }

    private static JsonObject DeploymentPod(string name, string hash, string deployment = "api") => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "production",
            ["uid"] = Guid.NewGuid().ToString(),
            ["labels"] = new JsonObject { ["pod-template-hash"] = hash },
            ["annotations"] = new JsonObject { [StaleStateTracker.Annotation] = Line },
            ["ownerReferences"] = new JsonArray(new JsonObject
            {
                ["kind"] = "ReplicaSet",
                ["name"] = $"{deployment}-{hash}",
                ["controller"] = true,
            }),
        },
    };
}
