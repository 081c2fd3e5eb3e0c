using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Kubelet;

public sealed class EndlessLoopTests
{
    [Fact]
    public void WhileTrue_YieldsPeriodicLinesAndKeepsRunning()
    {
        var run = Sim.Script("echo starting; while true; do echo \"tick $(date +%T)\"; sleep 5; done");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.True(run.Logs.IsUnbounded);
        Assert.Equal(["starting", "tick 09:26:53", "tick 09:26:58", "tick 09:27:03"], Sim.Lines(run, TimeSpan.FromSeconds(12)));
    }

    [Fact]
    public void WhileTrue_AnswersForLongRunningContainersWithoutReplayingEverything()
    {
        var run = Sim.Script("while true; do echo \"tick $(date +%s)\"; sleep 1; done");
        var thirtyDays = TimeSpan.FromDays(30);

        Assert.Equal(2_592_001, run.Logs.CountUpTo(thirtyDays));
        var last = run.LinesUpTo(thirtyDays, 2);
        Assert.Equal([thirtyDays - TimeSpan.FromSeconds(1), thirtyDays], last.Select(l => l.Offset));
        Assert.Equal($"tick {(Sim.Start + thirtyDays).ToUnixTimeSeconds()}", last[1].Text);
    }

    [Fact]
    public void WhileTrue_LinesBetweenServesFollowers()
    {
        var run = Sim.Script("while :; do echo a; echo b; sleep 10; done");

        var page = run.Logs.LinesBetween(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(40), 100);

        Assert.Equal(
            [(TimeSpan.FromSeconds(20), "a"), (TimeSpan.FromSeconds(20), "b"), (TimeSpan.FromSeconds(30), "a"), (TimeSpan.FromSeconds(30), "b"), (TimeSpan.FromSeconds(40), "a"), (TimeSpan.FromSeconds(40), "b")],
            page.Select(l => (l.Offset, l.Text)));
    }

    [Fact]
    public void WhileTrue_WithCounter_CountsAcrossIterations()
    {
        var run = Sim.Script("i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 5; done");

        Assert.Equal(["tick 1", "tick 2", "tick 3"], Sim.Lines(run, TimeSpan.FromSeconds(10)));
        Assert.Equal("tick 721", run.LinesUpTo(TimeSpan.FromHours(1), 1)[0].Text);
    }

    [Fact]
    public void WhileSleep_IsAnEndlessLoopToo()
    {
        var run = Sim.Script("while sleep 2; do echo beat; done");

        Assert.Equal(
            [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6)],
            run.LinesUpTo(TimeSpan.FromSeconds(7), 10).Select(l => l.Offset));
    }

    [Fact]
    public void WhileTrue_InBash_OnDebian()
    {
        var run = Sim.Script("while true; do printf '%s\\n' \"$HOSTNAME\"; sleep 30; done", image: "ubuntu", shell: "bash");

        Assert.Equal(["web-7d4b9c6f5-x2k8p", "web-7d4b9c6f5-x2k8p"], Sim.Lines(run, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void BusyLoopWithoutOutput_BurnsCpuAndRunsForever()
    {
        var run = Sim.Script("while true; do :; done");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Empty(Sim.Lines(run));
        Assert.Equal(1000, run.UsageAt(TimeSpan.FromSeconds(5)).CpuMillicores);
    }

    [Fact]
    public void LoopThatExitsAfterAWhile_EndsTheContainer()
    {
        var run = Sim.Script("n=0; while true; do n=$((n+1)); echo $n; [ $n -ge 3 ] && exit 7; sleep 1; done");

        Assert.Equal(["1", "2", "3"], Sim.Lines(run));
        Assert.Equal(ProgramOutcome.Exited(7, TimeSpan.FromSeconds(2)), run.Outcome);
    }

    [Fact]
    public void EndlessLoopInsideCommandSubstitution_IsNotFollowed()
    {
        var run = Sim.Script("x=$(while true; do echo y; done); echo after");

        Assert.Equal(["after"], Sim.Lines(run));
        Assert.Contains(run.Notes, n => n.Contains("endless loop", StringComparison.Ordinal));
    }

    [Fact]
    public void AnnotationExit_CutsAnEndlessLog()
    {
        var run = Sim.Run("busybox", command: ["sh", "-c", "while true; do echo x; sleep 1; done"],
            annotations: new() { ["sim.kubemcp.io/exit-after"] = "10s", ["sim.kubemcp.io/exit-code"] = "1" });

        Assert.Equal(11, run.Logs.CountUpTo(TimeSpan.FromHours(1)));
        Assert.Equal(ProgramOutcome.Exited(1, TimeSpan.FromSeconds(10)), run.Outcome);
    }

    [Fact]
    public void WaitLoopOnAConditionThatNeverChanges_RepeatsForever()
    {
        var run = Sim.Script("until [ -f /tmp/ready ]; do echo waiting for ready; sleep 2; done; echo never printed");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Equal(["waiting for ready", "waiting for ready", "waiting for ready"], Sim.Lines(run, TimeSpan.FromSeconds(5)));
        Assert.Equal(15_768_001, run.Logs.CountUpTo(TimeSpan.FromDays(365)));
    }

    [Fact]
    public void LoopOnTheClock_EndsWhenTheDeadlinePasses()
    {
        var run = Sim.Script("end=$(( $(date +%s) + 3 )); while [ $(date +%s) -lt $end ]; do echo wait; sleep 1; done; echo done");

        Assert.Equal(["wait", "wait", "wait", "done"], Sim.Lines(run));
        Assert.Equal(ProgramOutcome.Exited(0, TimeSpan.FromSeconds(3)), run.Outcome);
    }

    [Fact]
    public void SilentWaitLoop_CostsNothingToQuery()
    {
        var run = Sim.Script("while [ ! -f /tmp/never ]; do sleep 1; done");

        Assert.Equal(ProgramOutcomeKind.Running, run.Outcome.Kind);
        Assert.Empty(run.LinesUpTo(TimeSpan.FromDays(3650), 100));
    }
}
