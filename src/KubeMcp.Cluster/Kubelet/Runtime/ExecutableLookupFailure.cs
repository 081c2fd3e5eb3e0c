namespace KubeMcp.Cluster.Kubelet.Runtime;

internal enum ExecutableLookupFailure
{
    None,

    /// <summary>A bare name not found in any PATH directory.</summary>
    NotInPath,

    /// <summary>A path (with a slash) that does not exist.</summary>
    NoSuchFile,

    /// <summary>A path that exists but is a directory or not executable.</summary>
    PermissionDenied,
}
