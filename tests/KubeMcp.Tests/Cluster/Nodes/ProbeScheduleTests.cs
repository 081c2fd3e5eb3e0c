using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ProbeScheduleTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static ProbeSpec Spec(int delay = 0, int period = 10, int success = 1, int failure = 3) =>
        new("Readiness", ProbeHandler.TcpSocket, null, null, "", "http", [], TimeSpan.FromSeconds(delay), TimeSpan.FromSeconds(period), success, failure, null);

    private static DateTimeOffset At(double seconds) => Start + TimeSpan.FromSeconds(seconds);

    [Fact]
    public void NeverPassing_FailsEveryPeriodFromTheInitialDelay_AndReachesTheFailureThreshold()
    {
        var schedule = new ProbeSchedule(Spec(delay: 5, period: 10, failure: 3), new ProbeVerdict(null, "refused"), Start, Start);

        Assert.Equal([At(5), At(15), At(25), At(35)], schedule.FailuresBetween(Start, At(40)));
        Assert.Equal(At(25), schedule.FailedAt);
        Assert.Null(schedule.SucceededAt);
    }

    [Fact]
    public void FirstRun_IsNotBeforeTheContainersFirstSecond()
    {
        var schedule = new ProbeSchedule(Spec(delay: 0, period: 10), new ProbeVerdict(null, "refused"), Start, Start);

        Assert.Equal(At(1), schedule.NextFailureAfter(Start));
    }

    [Fact]
    public void PassingAfterStartUp_FailsUntilThen_AndSucceedsAfterSuccessThresholdRuns()
    {
        var schedule = new ProbeSchedule(Spec(delay: 0, period: 5, success: 2, failure: 10), new ProbeVerdict(TimeSpan.FromSeconds(8), "refused"), Start, Start);

        Assert.Equal([At(1), At(6)], schedule.FailuresBetween(Start, At(60)));
        Assert.Equal(At(16), schedule.SucceededAt);
        Assert.Null(schedule.FailedAt);
        Assert.Null(schedule.NextFailureAfter(At(6)));
    }

    [Fact]
    public void PassingBeforeTheThreshold_NeverFails()
    {
        var schedule = new ProbeSchedule(Spec(failure: 3), new ProbeVerdict(TimeSpan.FromSeconds(15), "refused"), Start, Start);

        Assert.Equal(2, schedule.FailuresBetween(Start, At(600)).Count());
        Assert.Null(schedule.FailedAt);
        Assert.Equal(At(21), schedule.SucceededAt);
    }

    [Fact]
    public void Gate_DelaysTheRunsUntilItOpens_AndAClosedGateStopsThem()
    {
        var gated = new ProbeSchedule(Spec(period: 10), new ProbeVerdict(null, "refused"), Start, At(30));
        var closed = new ProbeSchedule(Spec(period: 10), new ProbeVerdict(null, "refused"), Start, null);

        Assert.Equal(At(31), gated.NextFailureAfter(Start));
        Assert.Equal(At(51), gated.FailedAt);
        Assert.Empty(closed.FailuresBetween(Start, At(600)));
        Assert.Null(closed.FailedAt);
        Assert.Null(closed.SucceededAt);
    }

    [Fact]
    public void Errored_RecordsEveryRun_ButNeverChangesState()
    {
        var schedule = new ProbeSchedule(Spec(failure: 1), new ProbeVerdict(TimeSpan.Zero, "bad port", Errored: true), Start, Start);

        Assert.Equal(6, schedule.FailuresBetween(Start, At(60)).Count());
        Assert.Null(schedule.FailedAt);
        Assert.Null(schedule.SucceededAt);
    }

    [Fact]
    public void FailuresBetween_ExcludesTheStartAndIncludesTheEnd()
    {
        var schedule = new ProbeSchedule(Spec(delay: 5, period: 10, failure: 100), new ProbeVerdict(null, "refused"), Start, Start);

        Assert.Equal([At(15), At(25)], schedule.FailuresBetween(At(5), At(25)));
    }
}
