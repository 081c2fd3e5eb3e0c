using System.Text;

namespace KubeMcp.Tests.Cluster.Serialization.Protobuf;

/// <summary>Writes protobuf wire format by hand, so tests state exactly which bytes the decoder sees.</summary>
internal sealed class ProtoBytes
{
    private readonly List<byte> _bytes = [];

    public static byte[] Envelope(string apiVersion, string kind, Action<ProtoBytes> obj) =>
        [.. "k8s\0"u8.ToArray(), .. new ProtoBytes()
            .Message(1, t => t.String(1, apiVersion).String(2, kind))
            .Message(2, obj)
            .String(3, "")
            .String(4, "")
            .ToArray()];

    public ProtoBytes Varint(int field, long value) => Tag(field, 0).RawVarint(unchecked((ulong)value));

    public ProtoBytes Bool(int field, bool value) => Varint(field, value ? 1 : 0);

    public ProtoBytes String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoBytes Bytes(int field, byte[] value)
    {
        Tag(field, 2).RawVarint((ulong)value.Length);
        _bytes.AddRange(value);
        return this;
    }

    public ProtoBytes Message(int field, Action<ProtoBytes> body)
    {
        var inner = new ProtoBytes();
        body(inner);
        return Bytes(field, inner.ToArray());
    }

    /// <summary>A map entry: key=1, value=2.</summary>
    public ProtoBytes Entry(int field, string key, string value) => Message(field, e => e.String(1, key).String(2, value));

    public ProtoBytes Entry(int field, string key, Action<ProtoBytes> value) => Message(field, e => e.String(1, key).Message(2, value));

    public ProtoBytes Tag(int field, int wireType) => RawVarint((ulong)((field << 3) | wireType));

    public ProtoBytes RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        _bytes.Add((byte)value);
        return this;
    }

    public ProtoBytes Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
