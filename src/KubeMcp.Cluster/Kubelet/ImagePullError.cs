namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// A failed pull, worded as containerd words it. <see cref="Message"/> is containerd's error;
/// <see cref="KubeletMessage"/> is what the kubelet puts on the container's <c>ErrImagePull</c> waiting state.
/// </summary>
internal sealed record ImagePullError(ImagePullFailure Failure, string GrpcCode, string Message)
{
    /// <summary>The waiting reason while the pull fails.</summary>
    public const string WaitingReason = "ErrImagePull";

    /// <summary>The waiting reason once the kubelet backs off between attempts.</summary>
    public const string BackOffReason = "ImagePullBackOff";

    public string KubeletMessage => $"rpc error: code = {GrpcCode} desc = {Message}";

    /// <summary>The message of the kubelet's <c>Failed</c> warning event.</summary>
    public string EventMessage(string image) => $"Failed to pull image \"{image}\": {KubeletMessage}";

    /// <summary>The message on the <c>ImagePullBackOff</c> waiting state.</summary>
    public static string BackOffMessage(string image) => $"Back-off pulling image \"{image}\"";
}
