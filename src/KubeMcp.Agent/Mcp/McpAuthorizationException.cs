using System.Net;

namespace KubeMcp.Agent.Mcp;

/// <summary>The server refused the request with HTTP 401 (no or bad credentials) or 403 (credentials not allowed).</summary>
public sealed class McpAuthorizationException(string message, HttpStatusCode statusCode, Exception? innerException = null)
    : McpClientException(message, innerException)
{
    /// <summary>401 or 403.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
