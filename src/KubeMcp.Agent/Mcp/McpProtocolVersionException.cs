namespace KubeMcp.Agent.Mcp;

/// <summary>Client and server share no MCP protocol version (or the server refused the one that was asked for).</summary>
public sealed class McpProtocolVersionException(string message, Exception? innerException = null)
    : McpClientException(message, innerException);
