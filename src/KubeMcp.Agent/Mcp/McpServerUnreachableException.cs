namespace KubeMcp.Agent.Mcp;

/// <summary>No connection could be made: nothing listens at the URL, the name does not resolve, or the stdio server did not start.</summary>
public sealed class McpServerUnreachableException(string message, Exception? innerException = null)
    : McpClientException(message, innerException);
