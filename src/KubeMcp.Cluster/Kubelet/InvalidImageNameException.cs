namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// An image reference the kubelet cannot parse. The message is the one the kubelet puts on the container's
/// <c>waiting</c> state (reason <c>InvalidImageName</c>) and on its warning event.
/// </summary>
internal sealed class InvalidImageNameException(string image, string parseError)
    : Exception($"Failed to apply default image tag \"{image}\": couldn't parse image name \"{image}\": {parseError}")
{
    /// <summary>The container waiting reason the kubelet reports.</summary>
    public const string WaitingReason = "InvalidImageName";

    public string Image { get; } = image;

    /// <summary>The bare parser error (for example <c>invalid reference format</c>).</summary>
    public string ParseError { get; } = parseError;
}
