namespace KubeMcp.Server.Kubernetes;

/// <summary>The API server refused a request; carries its HTTP status, the Status reason and message.</summary>
internal sealed class KubeApiException(int statusCode, string reason, string message, ApiTarget? target = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The Status reason, e.g. <c>NotFound</c>, <c>Forbidden</c>, <c>Conflict</c>.</summary>
    public string Reason { get; } = reason;

    public ApiTarget? Target { get; } = target;

    public KubeApiException WithTarget(ApiTarget target) => new(StatusCode, Reason, Message, target);
}
