using KubeMcp.Cluster.Nodes;

namespace KubeMcp.Tests.Cluster.Nodes;

public sealed class ContainerUsageTests
{
    [Fact]
    public void Measure_IsTheSimulatedUseWithASmallWobble()
    {
        var instance = Instances.WithLog([], usage: [(0, 10L * 1024 * 1024, 0), (5, 300L * 1024 * 1024, 250)]);

        var early = ContainerUsage.Measure(instance, Instances.Start.AddSeconds(2));
        var later = ContainerUsage.Measure(instance, Instances.Start.AddMinutes(10));

        Assert.InRange(early.WorkingSetBytes, 9L * 1024 * 1024, 11L * 1024 * 1024);
        Assert.InRange(early.NanoCores, 90_000, 1_100_000);
        Assert.InRange(later.NanoCores, 230_000_000, 270_000_000);
        Assert.InRange(later.WorkingSetBytes, 298L * 1024 * 1024, 302L * 1024 * 1024);
        Assert.Equal(later, ContainerUsage.Measure(instance, Instances.Start.AddMinutes(10)));
    }

    [Fact]
    public void Measure_CpuTimeIsTheIntegralOfUse()
    {
        var instance = Instances.WithLog([], usage: [(0, 1024 * 1024, 1000), (10, 1024 * 1024, 500)]);

        var usage = ContainerUsage.Measure(instance, Instances.Start.AddSeconds(20));

        Assert.Equal(15_000_000_000, usage.CoreNanoSeconds);
    }

    [Fact]
    public void Measure_NeverExceedsTheCpuLimit()
    {
        var instance = Instances.WithLog([], usage: [(0, 1024 * 1024, 1000)], cpuLimit: 500);

        Assert.Equal(500_000_000, ContainerUsage.Measure(instance, Instances.Start.AddSeconds(30)).NanoCores);
    }

    [Fact]
    public void IsRunning_UntilTheProgramExits()
    {
        var crashing = Instances.WithLog([(0, "boom")], exitAfter: 2);

        Assert.True(ContainerUsage.IsRunning(crashing, Instances.Start.AddSeconds(1)));
        Assert.False(ContainerUsage.IsRunning(crashing, Instances.Start.AddSeconds(2)));
        Assert.False(ContainerUsage.IsRunning(crashing, Instances.Start.AddSeconds(-1)));
    }

    [Theory]
    [InlineData(1_234_567L, "1234567n")]
    [InlineData(0L, "0n")]
    public void CpuQuantity_IsNanocores(long nano, string text) => Assert.Equal(text, ContainerUsage.CpuQuantity(nano));

    [Fact]
    public void MemoryQuantity_IsKibibytes() => Assert.Equal("20480Ki", ContainerUsage.MemoryQuantity(20L * 1024 * 1024 + 1000));
}
