namespace KubeMcp.Cluster.Kubelet;

/// <summary>The result of a simulated pull: the image, or the error containerd would report.</summary>
internal sealed class ImageResolution
{
    private ImageResolution(ResolvedImage? image, ImagePullError? error)
    {
        Image = image;
        Error = error;
    }

    public ResolvedImage? Image { get; }

    public ImagePullError? Error { get; }

    public bool Succeeded => Image is not null;

    public static ImageResolution Found(ResolvedImage image) => new(image, null);

    public static ImageResolution Failed(ImagePullError error) => new(null, error);
}
