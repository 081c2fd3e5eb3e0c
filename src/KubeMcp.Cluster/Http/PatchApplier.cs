using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Http;

/// <summary>Chooses the patch algorithm by Content-Type, as the API server does.</summary>
internal static class PatchApplier
{
    public const string JsonPatchType = "application/json-patch+json";
    public const string MergePatchType = "application/merge-patch+json";
    public const string StrategicPatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatchType = "application/apply-patch+yaml";

    public static string Normalize(string? contentType)
    {
        var mediaType = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            JsonPatchType or MergePatchType or StrategicPatchType or ApplyPatchType => mediaType,
            "application/apply-patch+cbor" => throw Unsupported(contentType),
            _ => throw Unsupported(contentType),
        };
    }

    public static JsonObject Apply(ResourceType type, string patchType, JsonObject current, JsonNode patch)
    {
        JsonNode? result = patchType switch
        {
            JsonPatchType => Patching.JsonPatch.Apply(current.DeepClone(), patch),
            MergePatchType => Patching.MergePatch.Apply(current.DeepClone(), RequireObject(patch)),
            StrategicPatchType when type.IsCustom => throw new ApiException(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: {JsonPatchType}, {MergePatchType}, {ApplyPatchType}"),
            StrategicPatchType => Patching.StrategicMergePatch.Apply(current, RequireObject(patch).AsObject(), type.ApiVersion, type.Kind),
            _ => throw Unsupported(patchType),
        };
        return result as JsonObject ?? throw ApiException.BadRequest("the patch turned the object into something that is not a JSON object");
    }

    private static JsonNode RequireObject(JsonNode patch) =>
        patch is JsonObject ? patch : throw ApiException.BadRequest("a merge patch must be a JSON object");

    private static ApiException Unsupported(string? contentType) => new(415, "UnsupportedMediaType",
        $"the body of the request was in an unknown format ({contentType ?? "no Content-Type"}) - accepted media types include: " +
        $"{JsonPatchType}, {MergePatchType}, {StrategicPatchType}, {ApplyPatchType}");
}
