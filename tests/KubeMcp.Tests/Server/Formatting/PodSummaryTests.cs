using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;

namespace KubeMcp.Tests.Server.Formatting;

public sealed class PodSummaryTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Pod(string status, string? spec = null, string? metadata = null) => JsonNode.Parse($$"""
        {"metadata": {{{metadata ?? "\"name\": \"p\""}}},
         "spec": {{spec ?? """{"nodeName": "node-1", "containers": [{"name": "main"}]}"""}},
         "status": {{status}}}
        """)!.AsObject();

    [Fact]
    public void From_RunningAndReady()
    {
        var s = PodSummary.From(Pod("""{"phase": "Running", "containerStatuses": [{"name": "main", "ready": true, "restartCount": 0, "state": {"running": {}}}]}"""), Now);

        Assert.Equal(new PodSummary("1/1", "Running", "0", "node-1"), s);
    }

    [Fact]
    public void From_CrashLoopBackOffWithRestartAge()
    {
        var s = PodSummary.From(Pod("""
            {"phase": "Running", "containerStatuses": [{"name": "main", "ready": false, "restartCount": 5,
              "state": {"waiting": {"reason": "CrashLoopBackOff"}},
              "lastState": {"terminated": {"exitCode": 1, "reason": "Error", "finishedAt": "2026-01-01T11:57:00Z"}}}]}
            """), Now);

        Assert.Equal("CrashLoopBackOff", s.Status);
        Assert.Equal("0/1", s.Ready);
        Assert.Equal("5 (3m ago)", s.Restarts);
    }

    [Fact]
    public void From_ImagePullBackOff()
    {
        var s = PodSummary.From(Pod("""{"phase": "Pending", "containerStatuses": [{"name": "main", "state": {"waiting": {"reason": "ImagePullBackOff"}}}]}"""), Now);

        Assert.Equal("ImagePullBackOff", s.Status);
    }

    [Fact]
    public void From_OomKilledTerminated()
    {
        var s = PodSummary.From(Pod("""{"phase": "Running", "containerStatuses": [{"name": "main", "state": {"terminated": {"exitCode": 137, "reason": "OOMKilled"}}}]}"""), Now);

        Assert.Equal("OOMKilled", s.Status);
    }

    [Fact]
    public void From_TerminatedWithoutReasonShowsExitCode()
    {
        var s = PodSummary.From(Pod("""{"phase": "Failed", "containerStatuses": [{"name": "main", "state": {"terminated": {"exitCode": 2}}}]}"""), Now);

        Assert.Equal("ExitCode:2", s.Status);
    }

    [Fact]
    public void From_InitContainerProgress()
    {
        var s = PodSummary.From(Pod(
            """{"phase": "Pending", "initContainerStatuses": [{"name": "init", "state": {"running": {}}}]}""",
            """{"initContainers": [{"name": "init"}, {"name": "init2"}], "containers": [{"name": "main"}]}"""), Now);

        Assert.Equal("Init:0/2", s.Status);
        Assert.Equal("<none>", s.Node);
    }

    [Fact]
    public void From_InitContainerCrashLooping()
    {
        var s = PodSummary.From(Pod(
            """{"phase": "Pending", "initContainerStatuses": [{"name": "init", "restartCount": 3, "state": {"waiting": {"reason": "CrashLoopBackOff"}}}]}""",
            """{"initContainers": [{"name": "init"}], "containers": [{"name": "main"}]}"""), Now);

        Assert.Equal("Init:CrashLoopBackOff", s.Status);
        Assert.StartsWith("3", s.Restarts);
    }

    [Fact]
    public void From_DeletionTimestampMeansTerminating()
    {
        var s = PodSummary.From(Pod("""{"phase": "Running"}""", metadata: "\"name\": \"p\", \"deletionTimestamp\": \"2026-01-01T11:59:00Z\""), Now);

        Assert.Equal("Terminating", s.Status);
    }

    [Fact]
    public void From_CompletedWithARunningSidecarIsRunning()
    {
        var s = PodSummary.From(Pod("""
            {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}], "containerStatuses": [
              {"name": "a", "ready": true, "state": {"running": {}}},
              {"name": "b", "state": {"terminated": {"exitCode": 0, "reason": "Completed"}}}]}
            """, """{"containers": [{"name": "a"}, {"name": "b"}]}"""), Now);

        Assert.Equal("Running", s.Status);
        Assert.Equal("1/2", s.Ready);
    }

    [Fact]
    public void From_StatusReasonWins()
    {
        var s = PodSummary.From(Pod("""{"phase": "Failed", "reason": "Evicted"}"""), Now);

        Assert.Equal("Evicted", s.Status);
    }

    [Fact]
    public void From_NoStatusReadsAsPending()
    {
        var s = PodSummary.From(Pod("{}"), Now);

        Assert.Equal(new PodSummary("0/1", "Pending", "0", "node-1"), s);
    }
}
