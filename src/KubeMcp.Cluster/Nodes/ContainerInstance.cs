using KubeMcp.Cluster.Kubelet;

namespace KubeMcp.Cluster.Nodes;

/// <summary>One start of one container: what it runs, its simulated run, and when it started and stopped.</summary>
internal sealed record ContainerInstance(
    string Name,
    string ContainerId,
    ContainerProgram Program,
    ProgramRun Run,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>Time since start, capped at the container's end: logs and usage are read at this point.</summary>
    public TimeSpan ElapsedAt(DateTimeOffset now) => ((FinishedAt is { } end && end < now ? end : now) - StartedAt) is var t && t > TimeSpan.Zero ? t : TimeSpan.Zero;
}
