namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>
/// Reads protobuf wire format from a span. Every read is bounds-checked, so truncated or hostile input ends in a
/// <see cref="ProtobufFormatException"/>, never an out-of-range read or a runaway allocation.
/// </summary>
internal ref struct ProtoReader
{
    private const ulong MaxFieldNumber = (1UL << 29) - 1;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    public readonly bool End => _position >= _data.Length;

    public (int Number, ProtoWireType WireType) ReadTag()
    {
        var tag = ReadVarint();
        var number = tag >> 3;
        if (number is 0 or > MaxFieldNumber)
        {
            throw new ProtobufFormatException($"invalid field number {number}");
        }
        var wireType = (int)(tag & 7);
        if (wireType is 6 or 7)
        {
            throw new ProtobufFormatException($"invalid wire type {wireType} for field {number}");
        }
        return ((int)number, (ProtoWireType)wireType);
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length)
            {
                throw new ProtobufFormatException("truncated varint: the data ends inside a number");
            }
            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                throw new ProtobufFormatException("varint overflows 64 bits");
            }
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw new ProtobufFormatException("varint overflows 64 bits");
    }

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var length = ReadVarint();
        var left = _data.Length - _position;
        if (length > (ulong)left)
        {
            throw new ProtobufFormatException($"a length of {length} bytes runs past the end of the data ({left} bytes left)");
        }
        var value = _data.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    public ulong ReadFixed64() => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Steps over one value of the given wire type.</summary>
    public void Skip(ProtoWireType wireType)
    {
        switch (wireType)
        {
            case ProtoWireType.Varint:
                ReadVarint();
                break;
            case ProtoWireType.Fixed64:
                Take(8);
                break;
            case ProtoWireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case ProtoWireType.Fixed32:
                Take(4);
                break;
            default:
                // Groups are a proto2 relic Kubernetes never emits; skipping them would need unbounded nesting.
                throw new ProtobufFormatException($"unsupported wire type {(int)wireType} ({wireType})");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_data.Length - _position < count)
        {
            throw new ProtobufFormatException($"truncated data: {count} bytes expected, {_data.Length - _position} left");
        }
        var value = _data.Slice(_position, count);
        _position += count;
        return value;
    }
}
