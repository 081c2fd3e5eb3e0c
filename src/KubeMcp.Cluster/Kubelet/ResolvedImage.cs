namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// An image the simulated node has "pulled": the reference, the catalog variant it resolved to and the identity the
/// kubelet reports in the container status. The digest is a deterministic stand-in (a hash of the reference) unless
/// the pod spec named one; it is not the registry's real digest.
/// </summary>
internal sealed record ResolvedImage(ImageReference Reference, ImageVariant Variant, string Version, string Digest)
{
    /// <summary>The image as the container status reports it (<c>status.containerStatuses[].image</c>).</summary>
    public string Image => Reference.Tag is null ? Reference.ToString() : $"{Reference.Repository}:{Reference.Tag}";

    /// <summary>The image id as the container status reports it (<c>repository@sha256:…</c>).</summary>
    public string ImageId => $"{Reference.Repository}@{Digest}";
}
