namespace KubeMcp.Server.Kubernetes;

/// <summary>The API server could not be reached (connection refused, DNS, TLS, timeout).</summary>
internal sealed class ClusterUnreachableException(Uri server, string cause, Exception? inner = null)
    : Exception($"cannot reach the Kubernetes API server at {server.GetLeftPart(UriPartial.Authority)}: {cause}", inner)
{
    public Uri Server { get; } = server;
}
