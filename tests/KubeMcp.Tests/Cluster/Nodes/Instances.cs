using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Nodes;
using KubeMcp.Tests.Cluster.Kubelet;

namespace KubeMcp.Tests.Cluster.Nodes;

/// <summary>Container instances with a hand-written log and usage, for the kubelet endpoints' tests.</summary>
internal static class Instances
{
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    /// <summary>An instance whose log is <paramref name="lines"/> (seconds after start, text), ending at <paramref name="exitAfter"/> if given.</summary>
    public static ContainerInstance WithLog(IReadOnlyList<(double Seconds, string Text)> lines, double? exitAfter = null, string id = "containerd://0123abcd",
        IReadOnlyList<(double Seconds, long Memory, long Cpu)>? usage = null, long? cpuLimit = null)
    {
        var end = exitAfter is { } e ? TimeSpan.FromSeconds(e) : (TimeSpan?)null;
        var run = new ProgramRun
        {
            Logs = new LogStream([.. lines.Select(l => new LogLine(TimeSpan.FromSeconds(l.Seconds), l.Text))], null, end),
            Outcome = end is { } at ? ProgramOutcome.Exited(1, at) : ProgramOutcome.Running,
            Usage = new UsageTimeline([.. (usage ?? [(0, 20L * 1024 * 1024, 5)]).Select(u => (TimeSpan.FromSeconds(u.Seconds), new ResourceUsage(u.Memory, u.Cpu)))]),
        };
        var program = Sim.Container("busybox:1.36") with { CpuLimitMillicores = cpuLimit };
        return new ContainerInstance("app", id, program, run, Start, end is { } stop ? Start + stop : null);
    }

    public static ContainerInstance Running(ProgramRun run, ContainerProgram program, string id = "containerd://feed") =>
        new(program.ContainerName, id, program, run, Start, null);
}
