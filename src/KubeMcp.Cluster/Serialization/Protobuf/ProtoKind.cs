namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>How one protobuf field's value becomes JSON.</summary>
internal enum ProtoKind
{
    String,
    Bool,
    Int32,
    Int64,
    Double,
    Float,

    /// <summary>A Go <c>[]byte</c>: base64 in JSON.</summary>
    Bytes,

    /// <summary>A nested message, named by <see cref="ProtoField.MessageName"/>.</summary>
    Message,

    /// <summary><c>metav1.Time</c> (seconds=1, nanos=2): an RFC 3339 string with second precision, null when zero.</summary>
    Time,

    /// <summary><c>metav1.MicroTime</c>: an RFC 3339 string with microsecond precision.</summary>
    MicroTime,

    /// <summary><c>metav1.Duration</c> (duration=1, nanoseconds): a Go duration string such as <c>1h0m0s</c>.</summary>
    Duration,

    /// <summary><c>resource.Quantity</c> (string=1): the quantity's text.</summary>
    Quantity,

    /// <summary><c>intstr.IntOrString</c> (type=1, intVal=2, strVal=3): a JSON number or string.</summary>
    IntOrString,

    /// <summary><c>runtime.RawExtension</c> or <c>metav1.FieldsV1</c> (raw=1): embedded JSON.</summary>
    RawJson,
}
