using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Registry;

/// <summary>metadata.generation: which kinds count it, and what part of an object counts as the spec it tracks.</summary>
internal static class ObjectGeneration
{
    public static bool IsTracked(ResourceType type) =>
        type.IsCustom || type.Group is "apps" or "batch" or "autoscaling" or "policy" or "networking.k8s.io"
            or "apiextensions.k8s.io" or "admissionregistration.k8s.io" or "flowcontrol.apiserver.k8s.io";

    public static JsonNode? SpecOf(JsonObject obj)
    {
        // Custom resources and kinds without a spec count every field but metadata and status as their spec.
        if (obj["spec"] is { } spec)
        {
            return spec;
        }
        var rest = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (k is not ("metadata" or "status" or "apiVersion" or "kind"))
            {
                rest[k] = v?.DeepClone();
            }
        }
        return rest;
    }
}
