using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Printing;

/// <summary>The <c>meta.k8s.io/v1 PartialObjectMetadata</c> view of an object: its metadata only.</summary>
internal static class PartialObjectMetadata
{
    public const string ApiVersion = "meta.k8s.io/v1";

    public static JsonObject From(JsonObject obj) => new()
    {
        ["kind"] = "PartialObjectMetadata",
        ["apiVersion"] = ApiVersion,
        ["metadata"] = obj["metadata"]?.DeepClone() ?? new JsonObject(),
    };
}
