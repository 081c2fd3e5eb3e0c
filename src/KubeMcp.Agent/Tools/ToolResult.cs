namespace KubeMcp.Agent.Tools;

/// <summary>
/// The outcome of one tool call as the model will see it. A failed call (MCP <c>isError</c>) is a result, not an
/// exception: the model reads the message and decides what to do next.
/// </summary>
/// <param name="Text">The tool's output as text.</param>
/// <param name="IsError">True when the tool reported an error.</param>
public sealed record ToolResult(string Text, bool IsError = false)
{
    /// <summary>A successful result.</summary>
    public static ToolResult Success(string text) => new(text);

    /// <summary>A failed result carrying a message for the model.</summary>
    public static ToolResult Error(string message) => new(message, IsError: true);
}
