namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>The main flow entered an endless loop; <see cref="Tail"/> generates the lines it keeps printing.</summary>
internal sealed class InfiniteLoopSignal(ILogTail tail, string? note) : Exception("the container loops forever")
{
    public ILogTail Tail { get; } = tail;

    public string? Note { get; } = note;
}
