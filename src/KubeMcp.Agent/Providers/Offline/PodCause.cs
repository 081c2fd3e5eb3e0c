namespace KubeMcp.Agent.Providers.Offline;

/// <summary>Why a pod is unhealthy, as far as rules can tell.</summary>
internal enum PodCause
{
    ApplicationError,
    DependencyUnavailable,
    MissingConfiguration,
    InvalidConfiguration,
    MissingConfigObject,
    BadImage,
    BadCommand,
    OutOfMemory,
    StorageFull,
    ProbeFailure,
    Unschedulable,
    NodeNotReady,
    NotReady,
    Unknown,
}
