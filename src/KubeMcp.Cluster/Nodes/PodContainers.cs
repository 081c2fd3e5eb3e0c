using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Nodes;

/// <summary>Container names of a pod and the API server's rules for picking one in logs, exec and attach.</summary>
internal static class PodContainers
{
    /// <summary>Init, app and ephemeral containers, in that order (the order the API server lists them in errors).</summary>
    public static IReadOnlyList<string> AllNames(JsonObject pod) =>
        [.. new[] { "spec.initContainers", "spec.containers", "spec.ephemeralContainers" }
            .SelectMany(path => (pod.At(path) as JsonArray ?? []).OfType<JsonObject>())
            .Select(c => c["name"]?.ToString() ?? "")];

    /// <summary>
    /// The container a request means: the one named, or the only app container. Like the API server this does not
    /// guess between several (kubectl picks its default before asking).
    /// </summary>
    public static string Resolve(JsonObject pod, string? requested)
    {
        var name = pod.Name();
        if (string.IsNullOrEmpty(requested))
        {
            var containers = (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>().ToList();
            return containers.Count switch
            {
                1 => containers[0]["name"]?.ToString() ?? "",
                0 => throw ApiException.BadRequest($"a container name must be specified for pod {name}"),
                _ => throw ApiException.BadRequest(
                    $"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', AllNames(pod))}]"),
            };
        }
        if (!AllNames(pod).Contains(requested, StringComparer.Ordinal))
        {
            throw ApiException.BadRequest($"container {requested} is not valid for pod {name}");
        }
        return requested;
    }

    /// <summary>The container's entry in <c>status.containerStatuses</c> (or the init/ephemeral lists), if reported.</summary>
    public static JsonObject? Status(JsonObject pod, string container) =>
        new[] { "status.containerStatuses", "status.initContainerStatuses", "status.ephemeralContainerStatuses" }
            .SelectMany(path => (pod.At(path) as JsonArray ?? []).OfType<JsonObject>())
            .FirstOrDefault(s => s["name"]?.ToString() == container);

    /// <summary>The container's spec (init, app or ephemeral).</summary>
    public static JsonObject? Spec(JsonObject pod, string container) =>
        new[] { "spec.initContainers", "spec.containers", "spec.ephemeralContainers" }
            .SelectMany(path => (pod.At(path) as JsonArray ?? []).OfType<JsonObject>())
            .FirstOrDefault(s => s["name"]?.ToString() == container);
}
