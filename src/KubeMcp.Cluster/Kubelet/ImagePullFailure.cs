namespace KubeMcp.Cluster.Kubelet;

/// <summary>Why a simulated pull failed.</summary>
internal enum ImagePullFailure
{
    /// <summary>The repository exists but the tag does not.</summary>
    TagNotFound,

    /// <summary>The registry has no such repository (or it is private).</summary>
    RepositoryNotFound,

    /// <summary>The registry host cannot be reached.</summary>
    RegistryUnreachable,
}
