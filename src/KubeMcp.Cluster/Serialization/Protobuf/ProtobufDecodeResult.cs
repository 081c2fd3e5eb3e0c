using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>A decoded object and the paths of the fields that were skipped because the schema does not know them.</summary>
internal sealed record ProtobufDecodeResult(JsonObject Object, IReadOnlyList<string> UnknownFields);
