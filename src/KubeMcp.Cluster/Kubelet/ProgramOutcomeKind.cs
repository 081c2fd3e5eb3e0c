namespace KubeMcp.Cluster.Kubelet;

internal enum ProgramOutcomeKind
{
    /// <summary>The container keeps running until it is killed.</summary>
    Running,

    /// <summary>The main process exited on its own.</summary>
    Exited,

    /// <summary>The kernel killed the container for exceeding its memory limit.</summary>
    OomKilled,

    /// <summary>The runtime could not start the process (missing executable).</summary>
    StartError,
}
