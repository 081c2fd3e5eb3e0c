using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Patching;

/// <summary>RFC 7386 JSON Merge Patch (<c>application/merge-patch+json</c>): objects merge, null deletes, anything else replaces.</summary>
internal static class MergePatch
{
    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="target"/> exactly as RFC 7386 defines.</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result.TryGetPropertyValue(key, out var current);
                result[key] = Apply(current, value);
            }
        }
        return result;
    }

    /// <summary>
    /// Merges a patch into a stored object as the API server's PATCH handler does: the body must be a JSON object.
    /// </summary>
    /// <exception cref="ApiException">400 "Invalid JSON Patch" when the body is null, a scalar or a list.</exception>
    public static JsonObject ApplyToObject(JsonObject original, JsonNode? patch)
    {
        if (patch is not JsonObject)
        {
            throw PatchErrors.BadRequest("Invalid JSON Patch");
        }
        return (JsonObject)Apply(original, patch)!;
    }
}
