namespace KubeMcp.Tests.Cluster.Controllers;

public sealed class EventTtlControllerTests
{
    private static string Event(string name) => $$"""
        apiVersion: v1
        kind: Event
        metadata: {name: {{name}}, namespace: default}
        involvedObject: {kind: Pod, name: web, namespace: default}
        reason: Started
        message: Started container web
        type: Normal
        count: 1
        """;

    [Fact]
    public async Task Events_AreDeletedAnHourAfterTheirLastWrite_OnTheSimulationClock()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Event("old"));
        sim.Apply(Event("refreshed"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(30));
        sim.Update("v1", "Event", "default", "refreshed", e => e["count"] = 2);

        await sim.AdvanceAsync(TimeSpan.FromMinutes(29));
        Assert.NotNull(sim.Get("v1", "Event", "default", "old"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Null(sim.Get("v1", "Event", "default", "old"));
        Assert.NotNull(sim.Get("v1", "Event", "default", "refreshed"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Null(sim.Get("v1", "Event", "default", "refreshed"));
    }

    [Fact]
    public async Task EventsWrittenAfterAllExpired_AreExpiredInTheirTurn()
    {
        await using var sim = await SimulatedCluster.StartAsync();
        sim.Apply(Event("first"));
        await sim.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Null(sim.Get("v1", "Event", "default", "first"));

        sim.Apply(Event("second"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(59));
        Assert.NotNull(sim.Get("v1", "Event", "default", "second"));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Null(sim.Get("v1", "Event", "default", "second"));
    }
}
