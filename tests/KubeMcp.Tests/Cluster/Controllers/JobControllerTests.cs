using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class JobControllerTests
{
    private static string Job(string name, string specExtra = "", bool manual = true)
    {
        var pinned = manual ? "nodeName: " + SimulatedCluster.ManualNode : "";
        return $$$"""
            apiVersion: batch/v1
            kind: Job
            metadata: {name: {{{name}}}, namespace: default}
            spec:
              {{{specExtra}}}
              template:
                spec:
                  {{{pinned}}}
                  restartPolicy: Never
                  containers: [{name: work, image: "busybox:1.36", command: [sh, -c, "exit 0"]}]
            """;
    }

    private static JsonObject Condition(JsonObject job, string type) =>
        ((JsonArray?)job.At("status.conditions") ?? []).OfType<JsonObject>().Single(c => c.Str("type") == type);

    private static IReadOnlyList<JsonObject> JobPods(SimulatedCluster sim, string job) =>
        sim.Pods().Where(p => p.Labels()?["job-name"]?.ToString() == job).ToList();

    [Fact]
    public async Task Completions_RunPodsUntilEnoughSucceedThenComplete()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Job("pi", "completions: 2"));
        await sim.SettleAsync();

        var first = Assert.Single(JobPods(sim, "pi"));
        Assert.Contains("batch.kubernetes.io/job-tracking", ((JsonArray)first.At("metadata.finalizers")!).Select(f => f!.ToString()));
        var job = sim.Require("batch/v1", "Job", "default", "pi");
        Assert.Equal(1, job.Int("status.active"));
        Assert.NotNull(job.Str("status.startTime"));

        sim.SetPod("default", first.Name(), "Succeeded");
        await sim.SettleAsync();
        Assert.Null(sim.Require("v1", "Pod", "default", first.Name()).At("metadata.finalizers"));
        Assert.Equal(2, JobPods(sim, "pi").Count);
        Assert.Equal(1, sim.Require("batch/v1", "Job", "default", "pi").Int("status.succeeded"));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(7));
        sim.SetPod("default", JobPods(sim, "pi").Single(p => p.Name() != first.Name()).Name(), "Succeeded");
        await sim.SettleAsync();

        job = sim.Require("batch/v1", "Job", "default", "pi");
        Assert.Equal(2, job.Int("status.succeeded"));
        Assert.Null(job.At("status.active"));
        Assert.Equal(0, job.Int("status.ready"));
        Assert.Equal(0, job.Int("status.terminating"));
        Assert.Equal(new JsonObject(), job.At("status.uncountedTerminatedPods"), JsonNode.DeepEquals);
        Assert.Equal("2025-03-01T10:00:07Z", job.Str("status.completionTime"));
        Assert.Equal(["SuccessCriteriaMet", "Complete"], ((JsonArray)job.At("status.conditions")!).Select(c => c!["type"]!.ToString()));
        var complete = Condition(job, "Complete");
        Assert.Equal(("True", "CompletionsReached", "Reached expected number of succeeded pods"),
            (complete.Str("status"), complete.Str("reason"), complete.Str("message")));
        Assert.Equal(["Job completed"], sim.EventMessages("default", "pi", "Completed"));
        Assert.Equal(2, sim.EventMessages("default", "pi", "SuccessfulCreate").Count);
    }

    [Fact]
    public async Task Parallelism_LimitsActivePodsToWhatRemains()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Job("batch", "completions: 3\n  parallelism: 2"));
        await sim.SettleAsync();
        var pods = JobPods(sim, "batch");
        Assert.Equal(2, pods.Count);

        sim.SetPod("default", pods[0].Name(), "Succeeded");
        sim.SetPod("default", pods[1].Name(), "Succeeded");
        await sim.SettleAsync();
        // One completion left: one more pod, not two.
        Assert.Equal(3, JobPods(sim, "batch").Count);
        Assert.Equal(1, sim.Require("batch/v1", "Job", "default", "batch").Int("status.active"));
    }

    [Fact]
    public async Task BackoffLimit_CountsFailedPodsBacksOffThenFails()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Job("flaky", "backoffLimit: 1"));
        await sim.SettleAsync();

        sim.SetPod("default", JobPods(sim, "flaky")[0].Name(), "Failed");
        await sim.SettleAsync();
        Assert.Equal(1, sim.Require("batch/v1", "Job", "default", "flaky").Int("status.failed"));
        Assert.Single(JobPods(sim, "flaky"));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(10));
        var retry = Assert.Single(JobPods(sim, "flaky"), p => p.Str("status.phase") != "Failed");
        sim.SetPod("default", retry.Name(), "Failed");
        await sim.SettleAsync();

        var job = sim.Require("batch/v1", "Job", "default", "flaky");
        Assert.Equal(2, job.Int("status.failed"));
        Assert.Equal(["FailureTarget", "Failed"], ((JsonArray)job.At("status.conditions")!).Select(c => c!["type"]!.ToString()));
        Assert.Equal("BackoffLimitExceeded", Condition(job, "Failed").Str("reason"));
        Assert.Equal("Job has reached the specified backoff limit", Condition(job, "Failed").Str("message"));
        Assert.Null(job.At("status.completionTime"));
        Assert.Equal(["Job has reached the specified backoff limit"], sim.EventMessages("default", "flaky", "BackoffLimitExceeded"));
        Assert.Equal(2, JobPods(sim, "flaky").Count);
    }

    [Fact]
    public async Task ActiveDeadline_StopsThePodsAndFailsTheJob()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Job("slow", "activeDeadlineSeconds: 30", manual: false));
        await sim.SettleAsync();
        Assert.Equal("Running", Assert.Single(JobPods(sim, "slow")).Str("status.phase"));
        Assert.Equal(1, sim.Require("batch/v1", "Job", "default", "slow").Int("status.ready"));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Null(sim.Require("batch/v1", "Job", "default", "slow").At("status.conditions"));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var job = sim.Require("batch/v1", "Job", "default", "slow");
        Assert.Equal("DeadlineExceeded", Condition(job, "Failed").Str("reason"));
        Assert.Equal("Job was active longer than specified deadline", Condition(job, "Failed").Str("message"));
        Assert.Empty(JobPods(sim, "slow"));
        Assert.Equal(1, job.Int("status.failed"));
    }

    [Fact]
    public async Task Indexed_GivesEachPodItsIndexAndTracksCompletedIndexes()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Job("shards", "completions: 3\n  parallelism: 3\n  completionMode: Indexed"));
        await sim.SettleAsync();
        var pods = JobPods(sim, "shards").OrderBy(p => p.Annotations()?["batch.kubernetes.io/job-completion-index"]?.ToString()).ToList();
        Assert.Equal(["0", "1", "2"], pods.Select(p => p.Labels()?["batch.kubernetes.io/job-completion-index"]?.ToString()));
        Assert.Equal("shards-1", pods[1].Str("spec.hostname"));
        Assert.StartsWith("shards-1-", pods[1].Name());

        sim.SetPod("default", pods[1].Name(), "Succeeded");
        sim.SetPod("default", pods[2].Name(), "Succeeded");
        await sim.SettleAsync();
        Assert.Equal("1-2", sim.Require("batch/v1", "Job", "default", "shards").Str("status.completedIndexes"));

        sim.SetPod("default", pods[0].Name(), "Succeeded");
        await sim.SettleAsync();
        var job = sim.Require("batch/v1", "Job", "default", "shards");
        Assert.Equal("0-2", job.Str("status.completedIndexes"));
        Assert.Equal("True", Condition(job, "Complete").Str("status"));
    }

    [Fact]
    public async Task Suspend_DeletesActivePodsAndResumeStartsAgain()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Job("paused", "suspend: true", manual: false));
        await sim.SettleAsync();
        var job = sim.Require("batch/v1", "Job", "default", "paused");
        Assert.Empty(JobPods(sim, "paused"));
        Assert.Equal(("True", "JobSuspended"), (Condition(job, "Suspended").Str("status"), Condition(job, "Suspended").Str("reason")));
        Assert.Null(job.At("status.startTime"));

        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        sim.Update("batch/v1", "Job", "default", "paused", j => j["spec"]!["suspend"] = false);
        await sim.SettleAsync();
        job = sim.Require("batch/v1", "Job", "default", "paused");
        Assert.Single(JobPods(sim, "paused"));
        Assert.Equal(("False", "JobResumed"), (Condition(job, "Suspended").Str("status"), Condition(job, "Suspended").Str("reason")));
        Assert.Equal("2025-03-01T10:01:00Z", job.Str("status.startTime"));
        Assert.Equal(["Job resumed"], sim.EventMessages("default", "paused", "Resumed"));
    }

    [Fact]
    public async Task DeletingTheJob_ReleasesAndRemovesItsPods()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Job("gone"));
        await sim.SettleAsync();
        var pod = Assert.Single(JobPods(sim, "gone"));
        sim.SetPod("default", pod.Name(), "Pending");

        sim.Delete("batch/v1", "Job", "default", "gone");
        await sim.SettleAsync();
        var left = sim.Get("v1", "Pod", "default", pod.Name());
        // On a node without a kubelet the pod stays Terminating (as on a dead node), but no longer held by the Job.
        Assert.NotNull(left?.At("metadata.deletionTimestamp"));
        Assert.Null(left?.At("metadata.finalizers"));
    }

    [Fact]
    public async Task TtlAfterFinished_DeletesTheJobOnTheClock()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(Job("short", "ttlSecondsAfterFinished: 60"));
        await sim.SettleAsync();
        sim.SetPod("default", JobPods(sim, "short")[0].Name(), "Succeeded");
        await sim.SettleAsync();
        Assert.NotNull(sim.Get("batch/v1", "Job", "default", "short"));

        await sim.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.NotNull(sim.Get("batch/v1", "Job", "default", "short"));
        await sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Null(sim.Get("batch/v1", "Job", "default", "short"));
    }
}
