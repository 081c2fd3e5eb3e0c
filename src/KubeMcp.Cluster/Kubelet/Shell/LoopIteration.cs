namespace KubeMcp.Cluster.Kubelet.Shell;

/// <summary>What one loop iteration did: its lines, when it finished, and whether the loop goes on.</summary>
internal sealed record LoopIteration(IReadOnlyList<LogLine> Lines, TimeSpan End, bool Continues);
