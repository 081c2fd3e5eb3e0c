namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>A protobuf message type: its fields by number.</summary>
/// <param name="Name">The qualified name, e.g. <c>apps.v1.Deployment</c>.</param>
/// <param name="Fields">The known fields by number.</param>
/// <param name="IsListWrapper">True for a message that wraps a Go named slice (such as <c>ExtraValue</c>, whose one
/// field is <c>repeated string items = 1</c>): its JSON is the bare list.</param>
internal sealed record ProtoMessage(string Name, IReadOnlyDictionary<int, ProtoField> Fields, bool IsListWrapper);
