using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

// Placeholder until the patching branch lands; replaced by its implementation on merge.
internal static class StrategicMergePatch
{
    public static JsonObject Apply(JsonObject original, JsonObject patch, string apiVersion, string kind) =>
        (JsonObject)MergePatch.Apply(original.DeepClone(), patch)!;
}
