using System.Text.Json.Nodes;
using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Nodes;

/// <summary>What a container's lifecycle step may consult: the pod, its node's image cache, the image catalog.</summary>
internal sealed class PodContext(JsonObject pod, ObjectRegistry registry, ImageCatalog images, ISet<string> nodeImages,
    string podIp, string hostIp, DateTimeOffset now, string? crashesUntilRecreated)
{
    public JsonObject Pod { get; } = pod;

    public ObjectRegistry Registry { get; } = registry;

    public ImageCatalog Images { get; } = images;

    public string PodIp { get; } = podIp;

    public string HostIp { get; } = hostIp;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The crash log line when this pod carries stale state that only recreating it clears.</summary>
    public string? CrashesUntilRecreated { get; } = crashesUntilRecreated;

    public bool ImagePresent(string image)
    {
        lock (nodeImages)
        {
            return nodeImages.Contains(image);
        }
    }

    public void MarkImagePresent(string image)
    {
        lock (nodeImages)
        {
            nodeImages.Add(image);
        }
    }
}
