using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Registry;

/// <summary>
/// The object a replace (PUT) stores: on the status subresource only the status changes; on the main resource the
/// server-owned metadata is carried over, the status of a kind with a status subresource is kept, and a spec change
/// bumps metadata.generation.
/// </summary>
internal static class UpdateMerge
{
    public static JsonObject Next(ResourceType type, JsonObject current, JsonObject input, string? subresource)
    {
        JsonObject next;
        if (subresource == "status")
        {
            next = current.DeepClone().AsObject();
            next["status"] = input["status"]?.DeepClone();
            return next;
        }
        next = input.DeepClone().AsObject();
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        var meta = next.Meta();
        var old = current["metadata"]!.AsObject();
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (old[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
            else
            {
                meta.Remove(field);
            }
        }
        meta.Remove("resourceVersion");
        if (type.Subresources.Contains("status"))
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }
        if (ObjectGeneration.IsTracked(type) && !JsonNode.DeepEquals(ObjectGeneration.SpecOf(next), ObjectGeneration.SpecOf(current)))
        {
            meta["generation"] = (current.Int("metadata.generation") ?? 0) + 1;
        }
        return next;
    }
}
