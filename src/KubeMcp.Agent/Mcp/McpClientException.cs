namespace KubeMcp.Agent.Mcp;

/// <summary>
/// A failure talking to an MCP server, with a message a person can act on (what went wrong, and how to fix it).
/// The subclasses say which kind; <see cref="Exception.InnerException"/> keeps the underlying error for diagnostics.
/// </summary>
public class McpClientException : Exception
{
    public McpClientException(string message)
        : base(message)
    {
    }

    public McpClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
