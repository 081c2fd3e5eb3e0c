using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

// Placeholder until the patching branch lands; replaced by its implementation on merge.
internal static class MergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode patch)
    {
        if (patch is not JsonObject patchObj)
        {
            return patch.DeepClone();
        }
        var result = target as JsonObject ?? new JsonObject();
        foreach (var (key, value) in patchObj)
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                var existing = result[key];
                result[key] = Apply(existing?.DeepClone(), value);
            }
        }
        return result;
    }
}
