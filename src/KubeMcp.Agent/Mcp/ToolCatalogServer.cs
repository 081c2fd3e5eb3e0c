namespace KubeMcp.Agent.Mcp;

/// <summary>The server a catalog was discovered from, as it introduced itself in <c>initialize</c>.</summary>
public sealed record ToolCatalogServer(string Name, string Version, string? Title = null);
