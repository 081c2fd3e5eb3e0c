namespace KubeMcp.Agent.Mcp;

/// <summary>A tool's MCP behaviour hints, exactly as the server sent them (null = not sent).</summary>
public sealed record ToolCatalogAnnotations(
    string? Title = null,
    bool? ReadOnlyHint = null,
    bool? DestructiveHint = null,
    bool? IdempotentHint = null,
    bool? OpenWorldHint = null);
