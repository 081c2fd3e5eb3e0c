namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// The simulated life of one container start: what it logs and when, how it ends, what it uses, and what it looks
/// like from the inside (processes, listening ports). Everything here is simulated; <see cref="Notes"/> says where
/// the simulation had to guess so callers can surface it honestly (for example as a <c>sim.kubemcp.io/</c> annotation).
/// </summary>
internal sealed class ProgramRun
{
    public required LogStream Logs { get; init; }

    public required ProgramOutcome Outcome { get; init; }

    public required UsageTimeline Usage { get; init; }

    /// <summary>When the application is ready to serve, relative to start; null if it never becomes ready.</summary>
    public TimeSpan? ReadyAt { get; init; }

    /// <summary>Ports the application listens on (for probes and services).</summary>
    public IReadOnlyList<int> ListeningPorts { get; init; } = [];

    /// <summary>Processes running in the container once it has started, PID 1 first.</summary>
    public IReadOnlyList<SimProcess> Processes { get; init; } = [];

    /// <summary>Every process with when it ran, for <see cref="ProcessesAt"/>.</summary>
    public IReadOnlyList<(SimProcess Process, TimeSpan Start, TimeSpan? End)> ProcessHistory { get; init; } = [];

    /// <summary>The argv the container ran (command/args merged with the image's entrypoint/cmd).</summary>
    public IReadOnlyList<string> Argv { get; init; } = [];

    /// <summary>Where the simulation did not understand the workload and assumed a quiet long-running process.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public ResourceUsage UsageAt(TimeSpan elapsed) => Usage.At(elapsed);

    /// <summary>The processes running <paramref name="elapsed"/> after start (what <c>ps</c> in an exec shows).</summary>
    public IReadOnlyList<SimProcess> ProcessesAt(TimeSpan elapsed) =>
        [.. ProcessHistory.Where(p => p.Start <= elapsed && (p.End is null || p.End > elapsed)).Select(p => p.Process)];

    /// <summary>The last <paramref name="maxLines"/> log lines written by <paramref name="elapsed"/>.</summary>
    public IReadOnlyList<LogLine> LinesUpTo(TimeSpan elapsed, int maxLines) => Logs.LinesUpTo(elapsed, maxLines);
}
