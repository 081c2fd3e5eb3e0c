namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>What a run leaves behind besides its log: resource use over time, processes, ports, readiness, notes.</summary>
internal sealed class RunTrace
{
    private readonly List<(TimeSpan At, ResourceUsage Usage)> usage = [];
    private readonly List<(SimProcess Process, TimeSpan Start, TimeSpan? End)> processes = [];

    public long Memory { get; private set; }

    public long Cpu { get; private set; }

    public List<string> Notes { get; } = [];

    public List<int> Ports { get; } = [];

    public TimeSpan? ReadyAt { get; set; }

    /// <summary>Processes still running once everything started (those that never end), PID 1 first.</summary>
    public IReadOnlyList<SimProcess> Processes => [.. processes.Where(p => p.End is null).Select(p => p.Process)];

    /// <summary>Processes running at <paramref name="elapsed"/>, PID 1 first.</summary>
    public IReadOnlyList<SimProcess> ProcessesAt(TimeSpan elapsed) =>
        [.. processes.Where(p => p.Start <= elapsed && (p.End is null || p.End > elapsed)).Select(p => p.Process)];

    public void SetUsage(TimeSpan at, long memoryBytes, long cpuMillicores)
    {
        Memory = memoryBytes;
        Cpu = cpuMillicores;
        usage.Add((at, new ResourceUsage(memoryBytes, cpuMillicores)));
    }

    public void SetMemory(TimeSpan at, long memoryBytes) => SetUsage(at, memoryBytes, Cpu);

    public void SetCpu(TimeSpan at, long cpuMillicores) => SetUsage(at, Memory, cpuMillicores);

    /// <summary>Memory growing linearly to <paramref name="target"/> over <paramref name="duration"/>, in quarter steps.</summary>
    public void RampMemory(TimeSpan start, TimeSpan duration, long target)
    {
        var from = Memory;
        for (var step = 1; step <= 4; step++)
        {
            SetMemory(start + duration * step / 4, from + (target - from) * step / 4);
        }
    }

    /// <summary>Replaces PID 1 (an exec, or the container's first process).</summary>
    public void SetMainProcess(string user, string command)
    {
        processes.RemoveAll(p => p.Process.Pid == 1);
        processes.Insert(0, (new SimProcess(1, user, command), TimeSpan.Zero, null));
    }

    public void AddProcess(int pid, string user, string command, TimeSpan start, TimeSpan? end = null) =>
        processes.Add((new SimProcess(pid, user, command), start, end));

    /// <summary>The history of processes, for carrying into exec sessions.</summary>
    public IReadOnlyList<(SimProcess Process, TimeSpan Start, TimeSpan? End)> ProcessHistory => processes;

    public UsageTimeline Timeline() => new([.. usage.OrderBy(u => u.At)]);
}
