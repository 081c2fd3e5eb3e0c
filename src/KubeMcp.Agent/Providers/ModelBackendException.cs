using System.Net;

namespace KubeMcp.Agent.Providers;

/// <summary>A model server answered with an error. The message is safe to show (no credentials, no prompt text).</summary>
public sealed class ModelBackendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelBackendException(string message, HttpStatusCode? statusCode = null, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The HTTP status, when the error came as one (errors inside a 200 stream have none).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True when trying again later may succeed (5xx, 408, 429).</summary>
    public bool IsTransient { get; }

    /// <summary>Whether a status code signals a transient failure.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
