namespace KubeMcp.Cluster.Kubelet;

/// <summary>Resource use as steps over time: each step holds from its offset until the next one.</summary>
internal sealed class UsageTimeline
{
    private readonly IReadOnlyList<(TimeSpan At, ResourceUsage Usage)> steps;

    public UsageTimeline(IReadOnlyList<(TimeSpan At, ResourceUsage Usage)> steps) => this.steps = steps;

    public IReadOnlyList<(TimeSpan At, ResourceUsage Usage)> Steps => steps;

    /// <summary>The usage at <paramref name="elapsed"/> after the container started.</summary>
    public ResourceUsage At(TimeSpan elapsed)
    {
        var current = new ResourceUsage(0, 0);
        foreach (var (at, usage) in steps)
        {
            if (at > elapsed)
            {
                break;
            }
            current = usage;
        }
        return current;
    }

    /// <summary>The first moment memory use exceeds <paramref name="limitBytes"/>, if it ever does.</summary>
    public TimeSpan? FirstExceeding(long limitBytes)
    {
        foreach (var (at, usage) in steps)
        {
            if (usage.MemoryBytes > limitBytes)
            {
                return at;
            }
        }
        return null;
    }
}
