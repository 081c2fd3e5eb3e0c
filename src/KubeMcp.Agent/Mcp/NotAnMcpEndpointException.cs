namespace KubeMcp.Agent.Mcp;

/// <summary>Something answered, but not as an MCP server: a web page, a 404 for the path, or no reply to initialize.</summary>
public sealed class NotAnMcpEndpointException(string message, Exception? innerException = null)
    : McpClientException(message, innerException);
