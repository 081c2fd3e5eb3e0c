using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// What cAdvisor would measure for a running simulated container: the simulation's CPU and working set, with the
/// small idle floor and scrape-to-scrape wobble of a real process, so numbers look measured rather than declared.
/// Deterministic: the same container at the same moment always reads the same.
/// </summary>
internal readonly record struct ContainerUsage(long NanoCores, long WorkingSetBytes, long CoreNanoSeconds)
{
    /// <summary>metrics-server scrapes every 15 seconds; readings change at that pace.</summary>
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(15);

    /// <summary>Whether the instance is running at <paramref name="now"/> (started, and neither stopped nor exited).</summary>
    public static bool IsRunning(ContainerInstance instance, DateTimeOffset now) =>
        instance.StartedAt <= now && (instance.FinishedAt is null || instance.FinishedAt > now)
        && !(instance.Run.Outcome.Terminates && now - instance.StartedAt >= instance.Run.Outcome.At);

    public static ContainerUsage Measure(ContainerInstance instance, DateTimeOffset now)
    {
        var elapsed = instance.ElapsedAt(now);
        var seed = Seed(instance.ContainerId);
        var wobble = Wobble(seed, (long)(elapsed / ScrapeInterval));
        var floor = IdleFloorNanoCores(seed);
        var limit = instance.Program.CpuLimitMillicores is { } l ? l * 1_000_000 : long.MaxValue;
        var usage = instance.Run.UsageAt(elapsed);
        var nano = (long)(Math.Max(usage.CpuMillicores * 1_000_000, floor) * (1 + 0.08 * wobble));
        var memory = Math.Max(usage.MemoryBytes, 256 * 1024 + (long)(seed % 512) * 1024);
        memory += (long)(memory * 0.004 * wobble) / 4096 * 4096;
        return new ContainerUsage(Math.Min(nano, limit), memory, CoreNanoSecondsUpTo(instance, elapsed, floor));
    }

    /// <summary>CPU time used since start (cores × nanoseconds): the integral of the usage timeline.</summary>
    private static long CoreNanoSecondsUpTo(ContainerInstance instance, TimeSpan elapsed, long floorNanoCores)
    {
        double total = 0;
        var steps = instance.Run.Usage.Steps;
        var from = TimeSpan.Zero;
        var cpu = 0L;
        foreach (var (at, usage) in steps)
        {
            if (at >= elapsed)
            {
                break;
            }
            total += Math.Max(cpu * 1_000_000, floorNanoCores) * (at - from).TotalSeconds;
            from = at > from ? at : from;
            cpu = usage.CpuMillicores;
        }
        total += Math.Max(cpu * 1_000_000, floorNanoCores) * (elapsed - from).TotalSeconds;
        return (long)total;
    }

    /// <summary>A sleeping process still wakes now and then: 0.1 to 1 millicore.</summary>
    private static long IdleFloorNanoCores(ulong seed) => 100_000 + (long)(seed % 900_000);

    /// <summary>A value in [-1, 1] that changes from one scrape to the next.</summary>
    public static double Wobble(ulong seed, long bucket)
    {
        var h = Mix(seed ^ (ulong)bucket * 0x9E3779B97F4A7C15);
        return (h % 20_001) / 10_000.0 - 1;
    }

    public static ulong Seed(string text)
    {
        ulong h = 14695981039346656037;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211;
        }
        return Mix(h);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccd;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53;
        return x ^ (x >> 33);
    }

    /// <summary>CPU as metrics-server writes it, in nanocores (<c>1234567n</c>).</summary>
    public static string CpuQuantity(long nanoCores) => $"{nanoCores}n";

    /// <summary>Memory as metrics-server writes it, in kibibytes (<c>20480Ki</c>).</summary>
    public static string MemoryQuantity(long bytes) => $"{bytes / 1024}Ki";
}
