namespace KubeMcp.Server.Audit;

/// <summary>Where the audit log goes and how it is rotated.</summary>
public sealed class AuditLogOptions
{
    /// <summary>The JSON Lines file.</summary>
    public required string Path { get; set; }

    /// <summary>Size at which the file is rotated; 0 never rotates. Default: 10 MiB.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Rotated files kept (<c>FILE.1</c> … <c>FILE.N</c>). Default: 5.</summary>
    public int MaxFiles { get; set; } = 5;

    /// <summary>Also force each record to the disk (fsync), surviving power loss, not just a crash. Default: false.</summary>
    public bool FlushToDisk { get; set; }
}
