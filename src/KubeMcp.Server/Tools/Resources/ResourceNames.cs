using KubeMcp.Server.Kubernetes;

namespace KubeMcp.Server.Tools.Resources;

/// <summary>How kubectl names a kind in its messages: <c>deployment.apps</c>, <c>configmap</c>.</summary>
internal static class ResourceNames
{
    public static string Qualified(ApiResource resource) =>
        resource.Group.Length == 0 ? resource.Noun : $"{resource.Noun}.{resource.Group}";
}
