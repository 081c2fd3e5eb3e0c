namespace KubeMcp.Agent.Mcp;

/// <summary>The server has no tool of that name; <see cref="Suggestions"/> lists the closest names it does have.</summary>
public sealed class UnknownToolException(string toolName, IReadOnlyList<string> suggestions, string message)
    : McpClientException(message)
{
    /// <summary>The name that was asked for.</summary>
    public string ToolName { get; } = toolName;

    /// <summary>The server's tool names closest to <see cref="ToolName"/>, best first (may be empty).</summary>
    public IReadOnlyList<string> Suggestions { get; } = suggestions;
}
