namespace KubeMcp.Agent.Mcp;

/// <summary>The server answered a request with a JSON-RPC error (as opposed to a tool result with <c>isError</c>).</summary>
public sealed class McpServerErrorException(string message, int errorCode, Exception? innerException = null)
    : McpClientException(message, innerException)
{
    /// <summary>The JSON-RPC error code, e.g. -32602 for invalid params.</summary>
    public int ErrorCode { get; } = errorCode;
}
