using System.Text;
using KubeMcp.Cluster.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ContainerLogWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ContainerInstance Talker = Instances.WithLog([(0, "starting"), (1, "ready"), (5, "tick 1"), (10, "tick 2"), (15, "tick 3")]);

    private static async Task<string> ReadAsync(ContainerInstance instance, PodLogOptions options, double secondsAfterStart)
    {
        var clock = new FakeTimeProvider(Instances.Start.AddSeconds(secondsAfterStart));
        using var output = new MemoryStream();
        await new ContainerLogWriter(output, options, clock).WriteExistingAsync(instance, Ct);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public async Task WritesTheLinesLoggedSoFar()
    {
        Assert.Equal("starting\nready\ntick 1\n", await ReadAsync(Talker, new PodLogOptions(), 7));
    }

    [Fact]
    public async Task TailLines_KeepsTheNewest()
    {
        Assert.Equal("tick 2\ntick 3\n", await ReadAsync(Talker, new PodLogOptions { TailLines = 2 }, 60));
        Assert.Equal("", await ReadAsync(Talker, new PodLogOptions { TailLines = 0 }, 60));
    }

    [Fact]
    public async Task Timestamps_AreStartPlusOffsetInRfc3339Nano()
    {
        var text = await ReadAsync(Talker, new PodLogOptions { Timestamps = true, TailLines = 2 }, 12);

        Assert.Equal("2025-03-14T09:26:58Z tick 1\n2025-03-14T09:27:03Z tick 2\n", text);
    }

    [Fact]
    public async Task SinceSeconds_DropsOlderLines()
    {
        Assert.Equal("tick 2\ntick 3\n", await ReadAsync(Talker, new PodLogOptions { SinceSeconds = 6 }, 16));
        Assert.Equal("tick 3\n", await ReadAsync(Talker, new PodLogOptions { SinceTime = Instances.Start.AddSeconds(11) }, 16));
    }

    [Fact]
    public async Task LimitBytes_CutsTheOutput()
    {
        Assert.Equal("starting\nre", await ReadAsync(Talker, new PodLogOptions { LimitBytes = 11 }, 60));
    }

    [Fact]
    public async Task ExitedContainer_LogStopsAtTheExit()
    {
        var crashed = Instances.WithLog([(0, "boot"), (2, "fatal: no config"), (30, "never")], exitAfter: 2);

        Assert.Equal("boot\nfatal: no config\n", await ReadAsync(crashed, new PodLogOptions(), 600));
    }

    [Fact]
    public async Task Follow_StreamsNewLinesAsTheClockAdvancesAndEndsWithTheContainer()
    {
        var clock = new FakeTimeProvider(Instances.Start.AddSeconds(2));
        var instance = Instances.WithLog([(0, "boot"), (3, "working"), (4, "fatal"), (9, "never")], exitAfter: 4);
        using var output = new MemoryStream();
        var writer = new ContainerLogWriter(output, new PodLogOptions { Follow = true }, clock);
        var covered = await writer.WriteExistingAsync(instance, Ct);
        Assert.Equal("boot\n", Encoding.UTF8.GetString(output.ToArray()));

        var following = writer.FollowAsync(instance, covered, () => instance, Ct);
        clock.Advance(ContainerLogWriter.PollInterval);
        Assert.False(following.IsCompleted);
        while (!following.IsCompleted)
        {
            // Each poll continues on the thread pool; advancing again until it is done keeps the test free of sleeps.
            clock.Advance(ContainerLogWriter.PollInterval);
            await Task.Yield();
        }
        await following;

        Assert.Equal("boot\nworking\nfatal\n", Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public async Task Follow_EndsWhenTheContainerIsGone()
    {
        var clock = new FakeTimeProvider(Instances.Start.AddSeconds(6));
        using var output = new MemoryStream();
        var writer = new ContainerLogWriter(output, new PodLogOptions { Follow = true }, clock);
        var covered = await writer.WriteExistingAsync(Talker, Ct);

        var following = writer.FollowAsync(Talker, covered, () => null, Ct);
        clock.Advance(ContainerLogWriter.PollInterval * 5);
        await following;

        Assert.Equal("starting\nready\ntick 1\ntick 2\n", Encoding.UTF8.GetString(output.ToArray()));
    }
}
