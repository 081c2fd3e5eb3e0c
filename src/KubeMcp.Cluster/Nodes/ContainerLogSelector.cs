using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// Which run of a container a log request reads, decided from the pod status as the kubelet decides it: the
/// running instance, else the last terminated one (so a crash-looping container shows the crash), and with
/// <c>previous</c> the one in <c>lastState.terminated</c>. Waiting containers give the kubelet's own errors.
/// </summary>
internal static class ContainerLogSelector
{
    public static ContainerInstance Select(JsonObject pod, string container, bool previous, PodRuntime? runtime)
    {
        var podName = pod.Name();
        var status = PodContainers.Status(pod, container);
        if (status is null)
        {
            // The kubelet has not reported the container yet: it is still being created.
            throw Waiting(container, podName, "ContainerCreating");
        }
        var last = status["lastState"]?["terminated"] as JsonObject;
        var state = status["state"] as JsonObject;
        string id;
        if (previous)
        {
            id = last?["containerID"]?.ToString() ?? "";
            if (id.Length == 0)
            {
                throw ApiException.BadRequest($"previous terminated container \"{container}\" in pod \"{podName}\" not found");
            }
        }
        else if (state?["running"] is not null)
        {
            id = status["containerID"]?.ToString() ?? "";
        }
        else if (state?["terminated"] is JsonObject terminated)
        {
            id = terminated["containerID"]?.ToString() is { Length: > 0 } t ? t : last?["containerID"]?.ToString() ?? "";
            if (id.Length == 0)
            {
                throw ApiException.BadRequest($"container \"{container}\" in pod \"{podName}\" is terminated");
            }
        }
        else if (last is not null)
        {
            id = last["containerID"]?.ToString() ?? "";
            if (id.Length == 0)
            {
                throw ApiException.BadRequest($"container \"{container}\" in pod \"{podName}\" is terminated");
            }
        }
        else if (state?["waiting"] is JsonObject waiting)
        {
            throw Waiting(container, podName, waiting["reason"]?.ToString() switch
            {
                "ErrImagePull" => "image can't be pulled",
                "ImagePullBackOff" => "trying and failing to pull image",
                { Length: > 0 } reason => reason,
                _ => "ContainerCreating",
            });
        }
        else
        {
            throw ApiException.BadRequest($"container \"{container}\" in pod \"{podName}\" is waiting to start - no logs yet");
        }
        return Find(runtime, container, id) ?? throw ApiException.BadRequest(
            $"container \"{container}\" in pod \"{podName}\" is waiting to start - no logs yet");
    }

    /// <summary>The instance of <paramref name="container"/> with that container ID (with or without the runtime prefix).</summary>
    public static ContainerInstance? Find(PodRuntime? runtime, string container, string containerId)
    {
        if (runtime is null)
        {
            return null;
        }
        var wanted = StripRuntime(containerId);
        return new[] { runtime.Current(container), runtime.Previous(container) }
            .FirstOrDefault(i => i is not null && StripRuntime(i.ContainerId) == wanted);
    }

    private static string StripRuntime(string id) => id.IndexOf("://", StringComparison.Ordinal) is var i and >= 0 ? id[(i + 3)..] : id;

    private static ApiException Waiting(string container, string pod, string why) =>
        ApiException.BadRequest($"container \"{container}\" in pod \"{pod}\" is waiting to start: {why}");
}
