namespace KubeMcp.Server.Tools;

/// <summary>The four MCP tool annotations; every tool states all four.</summary>
internal readonly record struct ToolHints(bool ReadOnly, bool Destructive, bool Idempotent, bool OpenWorld)
{
    /// <summary>Reads the cluster and nothing else.</summary>
    public static ToolHints Read(bool idempotent = false) => new(true, false, idempotent, true);
}
