namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>Whether a field holds one value, a list (<c>repeated</c>) or a string-keyed map.</summary>
internal enum ProtoCardinality
{
    Single,
    Repeated,
    Map,
}
