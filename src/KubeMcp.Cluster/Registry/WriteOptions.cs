namespace KubeMcp.Cluster.Registry;

/// <summary>Options every write carries: who is writing (for managedFields) and whether to persist at all.</summary>
internal sealed record WriteOptions(string? FieldManager = null, bool DryRun = false)
{
    /// <summary>Set by server-side apply, which records its own managedFields entry.</summary>
    public bool Apply { get; init; }

    public static WriteOptions Default { get; } = new();
}
