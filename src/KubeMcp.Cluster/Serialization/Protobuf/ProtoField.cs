namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>One field of a protobuf message and the JSON property it becomes.</summary>
/// <param name="Number">The protobuf field number.</param>
/// <param name="JsonName">The JSON property name; null for a Go struct embedded with <c>json:",inline"</c>, whose
/// fields land in the enclosing object.</param>
/// <param name="Kind">How the value is encoded.</param>
/// <param name="MessageName">The qualified message name (<c>core.v1.PodSpec</c>) when <paramref name="Kind"/> is
/// <see cref="ProtoKind.Message"/>.</param>
/// <param name="Cardinality">Single value, list or map.</param>
/// <param name="KeepZero">Whether a zero scalar (empty string, 0, false) is kept. Go's protobuf code writes every
/// non-pointer scalar, while its JSON encoder drops zero ones tagged <c>omitempty</c>; pointers and fields without
/// <c>omitempty</c> keep their zero value.</param>
internal sealed record ProtoField(
    int Number,
    string? JsonName,
    ProtoKind Kind,
    string? MessageName,
    ProtoCardinality Cardinality,
    bool KeepZero)
{
    public bool IsInline => JsonName is null;

    /// <summary>The wire type a single value of this field arrives with.</summary>
    public ProtoWireType ExpectedWireType => Kind switch
    {
        ProtoKind.Bool or ProtoKind.Int32 or ProtoKind.Int64 => ProtoWireType.Varint,
        ProtoKind.Double => ProtoWireType.Fixed64,
        ProtoKind.Float => ProtoWireType.Fixed32,
        _ => ProtoWireType.LengthDelimited,
    };
}
