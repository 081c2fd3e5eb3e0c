namespace KubeMcp.Agent.Mcp;

/// <summary>The server did not answer within the configured timeout.</summary>
/// <remarks>Wraps a <see cref="TimeoutException"/> so callers that retry timeouts recognise it.</remarks>
public sealed class McpTimeoutException(string message, TimeSpan timeout)
    : McpClientException(message, new TimeoutException(message))
{
    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; } = timeout;
}
