namespace KubeMcp.Cluster.Registry;

/// <summary>The kind of write an admission plugin sees.</summary>
internal enum AdmissionOperation
{
    Create,
    Update,
}
