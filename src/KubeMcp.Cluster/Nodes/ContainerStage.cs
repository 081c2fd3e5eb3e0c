namespace KubeMcp.Cluster.Nodes;

/// <summary>Where a simulated container is in the kubelet's lifecycle.</summary>
internal enum ContainerStage
{
    NotStarted,
    Pulling,
    PullFailed,
    PullBackOff,
    ConfigError,
    Running,
    CrashBackOff,
    Done,
}
