namespace KubeMcp.Cluster.OpenApi;

/// <summary>The JSON shape a model property takes on the wire.</summary>
internal enum ShapeKind
{
    String,
    Int32,
    Int64,
    Boolean,
    Double,
    DateTime,
    Bytes,
    IntOrString,
    Quantity,

    /// <summary>Arbitrary JSON (raw extensions, <c>fieldsV1</c>, JSON schema defaults).</summary>
    Any,

    /// <summary>A nested model class; see <see cref="FieldShape.ModelType"/>.</summary>
    Object,
    Array,
    Map,
}
