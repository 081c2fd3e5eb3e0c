namespace KubeMcp.Agent.Mcp;

/// <summary>
/// The server's session could not be kept: it gave no <c>Mcp-Session-Id</c> but then demanded one, or it dropped the
/// session again right after the client re-initialized.
/// </summary>
public sealed class McpSessionException(string message, Exception? innerException = null)
    : McpClientException(message, innerException);
