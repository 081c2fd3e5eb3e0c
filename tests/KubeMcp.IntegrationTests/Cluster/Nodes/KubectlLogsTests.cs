using System.Globalization;

namespace KubeMcp.IntegrationTests.Cluster.Nodes;

/// <summary>kubectl logs against simulated containers: tail, timestamps, since, previous, follow and the kubelet's errors.</summary>
public sealed class KubectlLogsTests(VirtualClockClusterFixture fixture) : IClassFixture<VirtualClockClusterFixture>
{
    private const string Ns = "logs";

    private async Task SetUpAsync()
    {
        if ((await fixture.Kubectl.RunAsync("get", "namespace", Ns)).ExitCode != 0)
        {
            await fixture.Kubectl.ApplyAsync(Manifests.Namespace(Ns));
        }
    }

    [Fact]
    public async Task Logs_ShowWhatTheContainerPrinted()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "greeter", "echo starting; echo ready; sleep 3600"));

        Assert.Equal("starting\nready\n", await fixture.Kubectl.OkAsync("logs", "-n", Ns, "greeter"));
    }

    [Fact]
    public async Task Logs_TailAndTimestamps()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "counter", "for i in 1 2 3 4 5; do echo line $i; sleep 1; done; sleep 3600"), forSeconds: 10);

        var tail = await fixture.Kubectl.OkAsync("logs", "-n", Ns, "counter", "--tail", "2", "--timestamps");

        var lines = tail.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith(" line 4", lines[0]);
        Assert.EndsWith(" line 5", lines[1]);
        var first = DateTimeOffset.Parse(lines[0].Split(' ')[0], CultureInfo.InvariantCulture);
        var second = DateTimeOffset.Parse(lines[1].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(1), second - first);
        Assert.True(second <= fixture.Clock.GetUtcNow(), $"{second} is after the simulation clock");
    }

    [Fact]
    public async Task Logs_SinceDropsOlderLines()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "slow", "echo early; sleep 30; echo late; sleep 3600"), forSeconds: 40);

        Assert.Equal("late\n", await fixture.Kubectl.OkAsync("logs", "-n", Ns, "slow", "--since", "20s"));
    }

    [Fact]
    public async Task Logs_PreviousShowsTheRunThatCrashed()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "crasher", "echo connecting to db; echo 'fatal: connection refused' >&2; exit 3"), forSeconds: 4);
        await fixture.AdvanceAsync(TimeSpan.FromSeconds(12));

        var status = await fixture.Kubectl.OkAsync("get", "pod", "-n", Ns, "crasher", "-o", "jsonpath={.status.containerStatuses[0].restartCount}");
        Assert.True(int.Parse(status, CultureInfo.InvariantCulture) >= 1, status);
        Assert.Equal("connecting to db\nfatal: connection refused\n", await fixture.Kubectl.OkAsync("logs", "-n", Ns, "crasher", "--previous"));
        Assert.Equal("connecting to db\nfatal: connection refused\n", await fixture.Kubectl.OkAsync("logs", "-n", Ns, "crasher"));
    }

    [Fact]
    public async Task Logs_PreviousOfAContainerThatNeverRestartedIsNotFound()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "steady", "echo up; sleep 3600"));

        var result = await fixture.Kubectl.RunAsync("logs", "-n", Ns, "steady", "--previous");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("previous terminated container \"main\" in pod \"steady\" not found", result.Stderr);
    }

    [Fact]
    public async Task Logs_OfAContainerWhoseImageCannotBePulledSaySo()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "badimage", null, image: "nginx:1.25-alpinee"), forSeconds: 6);

        var result = await fixture.Kubectl.RunAsync("logs", "-n", Ns, "badimage");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches("container \"main\" in pod \"badimage\" is waiting to start: (image can't be pulled|trying and failing to pull image)", result.Stderr);
    }

    [Fact]
    public async Task Logs_NamedContainerOfAPodWithSeveral()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "pair", "echo from main; sleep 3600", extraContainer: "sidecar"));

        Assert.Equal("from main\n", await fixture.Kubectl.OkAsync("logs", "-n", Ns, "pair", "-c", "main"));
        var wrong = await fixture.Kubectl.RunAsync("logs", "-n", Ns, "pair", "-c", "nope");
        Assert.Contains("container nope is not valid for pod pair", wrong.Stderr);
    }

    [Fact]
    public async Task Logs_FollowStreamsUntilTheContainerExits()
    {
        await SetUpAsync();
        await fixture.ApplyAsync(Manifests.Pod(Ns, "finisher", "echo one; sleep 5; echo two; sleep 5; echo three", restartPolicy: "Never"));

        var follow = fixture.Kubectl.RunAsync("logs", "-n", Ns, "finisher", "-f");
        for (var i = 0; i < 600 && !follow.IsCompleted; i++)
        {
            // The follower polls the simulation clock; moving it on lets the container finish and the stream end.
            await fixture.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAny(follow, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        var result = await follow;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("one\ntwo\nthree\n", result.Stdout);
    }
}
