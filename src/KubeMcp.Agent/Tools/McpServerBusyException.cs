using System.Net;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// The MCP server refused a request before processing it (HTTP 429, or 503 with <c>Retry-After</c>), so sending it
/// again later is safe even for a tool that changes state. Thrown by <see cref="RetryAfterHandler"/>.
/// </summary>
public sealed class McpServerBusyException(HttpStatusCode status, TimeSpan? retryAfter)
    : HttpRequestException(
        $"the MCP server is busy ({(int)status} {status}){(retryAfter is { } d ? $"; it asked to retry after {d.TotalSeconds:0.#} s" : "")}",
        null, status)
{
    /// <summary>The wait the server asked for, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
