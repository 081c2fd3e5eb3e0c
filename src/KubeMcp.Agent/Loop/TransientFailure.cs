using System.ClientModel;
using System.Net.Http;
using System.Net.Sockets;
using KubeMcp.Agent.Providers;
using KubeMcp.Agent.Tools;
using Polly.Timeout;

namespace KubeMcp.Agent.Loop;

/// <summary>Tells failures worth retrying (the server may answer next time) from permanent ones.</summary>
internal static class TransientFailure
{
    /// <summary>True for HTTP 5xx/408/429, timeouts, connection resets and refusals.</summary>
    /// <param name="exception">The failure.</param>
    /// <param name="callerToken">The caller's token: a cancellation it asked for is never retried.</param>
    public static bool IsTransient(Exception? exception, CancellationToken callerToken) => exception switch
    {
        null => false,
        OperationCanceledException when callerToken.IsCancellationRequested => false,
        TimeoutRejectedException or TimeoutException => true,
        OperationCanceledException oce => oce.InnerException is TimeoutException, // HttpClient.Timeout
        ModelBackendException m => m.IsTransient,
        HttpRequestException h => h.StatusCode is { } status
            ? ModelBackendException.IsTransientStatus(status)
            : h.HttpRequestError is not (HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                or HttpRequestError.ConfigurationLimitExceeded),
        ClientResultException c => c.Status == 0 || c.Status >= 500 || c.Status is 408 or 429,
        SocketException or IOException => true,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(e => IsTransient(e, callerToken)),
        _ => exception.InnerException is { } inner && exception is not OperationCanceledException && IsTransient(inner, callerToken),
    };

    /// <summary>
    /// True when the server refused the request without processing it (HTTP 429, <see cref="McpServerBusyException"/>):
    /// repeating it is safe even for a tool that is not idempotent.
    /// </summary>
    public static bool IsUnprocessed(Exception? exception) => exception switch
    {
        null => false,
        McpServerBusyException => true,
        HttpRequestException { StatusCode: System.Net.HttpStatusCode.TooManyRequests } => true,
        _ => IsUnprocessed(exception.InnerException),
    };

    /// <summary>The wait the server asked for in <c>Retry-After</c>, when the failure carries one.</summary>
    public static TimeSpan? RetryAfter(Exception? exception) => exception switch
    {
        null => null,
        McpServerBusyException busy => busy.RetryAfter,
        _ => RetryAfter(exception.InnerException),
    };

    /// <summary>One line describing the failure (type and message; never a stack trace).</summary>
    public static string Describe(Exception exception)
    {
        var message = exception switch
        {
            TimeoutRejectedException t => $"timed out after {t.Timeout.TotalSeconds:0.#} s",
            _ => exception.Message,
        };
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 300 ? line : line[..297] + "...";
    }
}
