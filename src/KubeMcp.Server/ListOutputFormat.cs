namespace KubeMcp.Server;

/// <summary>How list tools print what they found.</summary>
public enum ListOutputFormat
{
    /// <summary>Compact kubectl-style columns (the default).</summary>
    Table,

    /// <summary>The full objects as YAML, without managedFields and similar noise.</summary>
    Yaml,
}
