using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class CronJobControllerTests
{
    private static string CronJob(string name, string schedule, string specExtra = "", bool manual = false)
    {
        var pinned = manual ? "nodeName: " + SimulatedCluster.ManualNode : "";
        return $$$"""
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: {{{name}}}, namespace: default}
            spec:
              schedule: "{{{schedule}}}"
              {{{specExtra}}}
              jobTemplate:
                metadata: {labels: {team: data}}
                spec:
                  template:
                    spec:
                      {{{pinned}}}
                      restartPolicy: OnFailure
                      containers: [{name: report, image: "busybox:1.36"}]
            """;
    }

    private static List<JsonObject> Jobs(SimulatedCluster sim) =>
        sim.List("batch/v1", "Job", "default").OrderBy(j => j.Name(), StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Schedule_CreatesAJobNamedByTheMinuteAtEachStartTime()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(CronJob("report", "*/5 * * * *"));
        await sim.SettleAsync();
        Assert.Empty(Jobs(sim));

        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        var job = Assert.Single(Jobs(sim));
        var start = new DateTimeOffset(2025, 3, 1, 10, 5, 0, TimeSpan.Zero);
        Assert.Equal($"report-{start.ToUnixTimeSeconds() / 60}", job.Name());
        Assert.Equal("2025-03-01T10:05:00Z", job.Annotations()?["batch.kubernetes.io/cronjob-scheduled-timestamp"]?.ToString());
        Assert.Equal("data", job.Labels()?["team"]?.ToString());
        Assert.Equal("CronJob", job.At("metadata.ownerReferences")?[0]?["kind"]?.ToString());

        var cronJob = sim.Require("batch/v1", "CronJob", "default", "report");
        Assert.Equal("2025-03-01T10:05:00Z", cronJob.Str("status.lastScheduleTime"));
        Assert.Equal(job.Name(), cronJob.At("status.active")?[0]?["name"]?.ToString());
        Assert.Equal([$"Created job {job.Name()}"], sim.EventMessages("default", "report", "SuccessfulCreate"));

        await sim.AdvanceAsync(TimeSpan.FromMinutes(5));
        Assert.Equal(2, Jobs(sim).Count);
    }

    [Fact]
    public async Task ForbidConcurrency_SkipsStartsWhileAJobRuns()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(CronJob("sync", "* * * * *", "concurrencyPolicy: Forbid"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Single(Jobs(sim));
        Assert.Contains("Not starting job because prior execution is running and concurrency policy is Forbid",
            sim.EventMessages("default", "sync", "JobAlreadyActive"));
    }

    [Fact]
    public async Task ReplaceConcurrency_DeletesTheRunningJob()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(CronJob("sync", "* * * * *", "concurrencyPolicy: Replace"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        var first = Assert.Single(Jobs(sim)).Name();
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));

        var second = Assert.Single(Jobs(sim));
        Assert.NotEqual(first, second.Name());
        Assert.Equal([$"Deleted job {first}"], sim.EventMessages("default", "sync", "SuccessfulDelete"));
    }

    [Fact]
    public async Task Suspend_StartsNothing()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(CronJob("off", "* * * * *", "suspend: true"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Empty(Jobs(sim));
    }

    [Fact]
    public async Task FinishedJobs_RecordSuccessAndArePrunedBeyondTheHistoryLimit()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.AddManualNode();
        sim.Apply(CronJob("nightly", "* * * * *", "successfulJobsHistoryLimit: 1", manual: true));
        for (var run = 0; run < 2; run++)
        {
            await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
            var pod = sim.Pods().Single(p => p.Str("status.phase") != "Succeeded");
            sim.SetPod("default", pod.Name(), "Succeeded");
            await sim.SettleAsync();
        }

        var remaining = Assert.Single(Jobs(sim));
        Assert.EndsWith((new DateTimeOffset(2025, 3, 1, 10, 2, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 60).ToString(System.Globalization.CultureInfo.InvariantCulture), remaining.Name());
        var cronJob = sim.Require("batch/v1", "CronJob", "default", "nightly");
        Assert.Null(cronJob.At("status.active"));
        Assert.Equal("2025-03-01T10:02:00Z", cronJob.Str("status.lastSuccessfulTime"));
        Assert.Equal(2, sim.EventMessages("default", "nightly", "SawCompletedJob").Count);
        Assert.Single(sim.EventMessages("default", "nightly", "SuccessfulDelete"));
    }

    [Fact]
    public async Task StartingDeadline_SkipsAStartThatIsTooLate()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(CronJob("late", "0 * * * *", "startingDeadlineSeconds: 10"));
        await sim.SettleAsync();
        // The controller is "down" across the start at 11:00 and only looks again at 11:00:30.
        sim.Clock.Advance(TimeSpan.FromMinutes(60.5));
        await sim.SettleAsync();
        Assert.Empty(Jobs(sim));
    }
}
