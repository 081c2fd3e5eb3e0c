using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Patching;

// Placeholder until the patching branch lands; replaced by its implementation on merge.
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode operations) =>
        throw ApiException.BadRequest("json patch is not available yet");
}
