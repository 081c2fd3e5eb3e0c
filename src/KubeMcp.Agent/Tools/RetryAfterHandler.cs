using System.Net;

namespace KubeMcp.Agent.Tools;

/// <summary>
/// Put in the <see cref="HttpClient"/> of an MCP HTTP client transport: turns a 429 (or a 503 carrying
/// <c>Retry-After</c>) into a <see cref="McpServerBusyException"/> with the server's wait, which the agent loop
/// retries after that wait — also for tools that change state, because the server did not run the request.
/// </summary>
public sealed class RetryAfterHandler : DelegatingHandler
{
    /// <summary>Creates the handler over <paramref name="inner"/> (a new <see cref="HttpClientHandler"/> when null).</summary>
    public RetryAfterHandler(HttpMessageHandler? inner = null)
        : base(inner ?? new HttpClientHandler())
    {
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var retryAfter = RetryAfterOf(response);
        if (response.StatusCode == HttpStatusCode.TooManyRequests || (response.StatusCode == HttpStatusCode.ServiceUnavailable && retryAfter is not null))
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new McpServerBusyException(status, retryAfter);
        }
        return response;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
