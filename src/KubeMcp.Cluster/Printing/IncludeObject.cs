namespace KubeMcp.Cluster.Printing;

/// <summary>
/// What each Table row carries besides its cells: the <c>includeObject</c> table option a client sends.
/// </summary>
internal enum IncludeObject
{
    /// <summary>No object: the row has cells only.</summary>
    None,

    /// <summary>A <c>PartialObjectMetadata</c> with the object's metadata (the API server's default).</summary>
    Metadata,

    /// <summary>The full object.</summary>
    Object,
}
