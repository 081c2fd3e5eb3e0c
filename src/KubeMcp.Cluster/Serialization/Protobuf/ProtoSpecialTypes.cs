using System.Text;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>
/// The apimachinery types whose protobuf message differs from their JSON: times, durations, quantities and
/// int-or-string values, each turned into what Go's JSON encoder prints for it.
/// </summary>
internal static class ProtoSpecialTypes
{
    public static JsonNode? Decode(ProtoKind kind, ReadOnlySpan<byte> bytes, string path, List<string> unknown) => kind switch
    {
        ProtoKind.Time => Time(bytes, path, unknown, micro: false),
        ProtoKind.MicroTime => Time(bytes, path, unknown, micro: true),
        ProtoKind.Duration => JsonValue.Create(GoFormats.Duration(Fields(bytes, path, unknown).Int(1))),
        ProtoKind.Quantity => Quantity(bytes, path, unknown),
        ProtoKind.IntOrString => IntOrString(bytes, path, unknown),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a special type"),
    };

    /// <summary>seconds=1, nanos=2. Go decodes an empty message as the zero time, which JSON prints as null.</summary>
    private static JsonValue? Time(ReadOnlySpan<byte> bytes, string path, List<string> unknown, bool micro)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }
        var fields = Fields(bytes, path, unknown);
        // metav1.Time keeps whole seconds only (its protobuf decoding drops nanos to match its JSON).
        return JsonValue.Create(micro ? GoFormats.MicroTime(fields.Int(1), fields.Int(2)) : GoFormats.Time(fields.Int(1)));
    }

    /// <summary>string=1; an empty message is the zero quantity.</summary>
    private static JsonValue Quantity(ReadOnlySpan<byte> bytes, string path, List<string> unknown)
    {
        var text = Fields(bytes, path, unknown).Text(1);
        return JsonValue.Create(string.IsNullOrEmpty(text) ? "0" : text);
    }

    /// <summary>type=1 (0 int, 1 string), intVal=2, strVal=3.</summary>
    private static JsonValue IntOrString(ReadOnlySpan<byte> bytes, string path, List<string> unknown)
    {
        var fields = Fields(bytes, path, unknown);
        return fields.Int(1) switch
        {
            0 => JsonValue.Create(unchecked((int)fields.Int(2))),
            1 => JsonValue.Create(fields.Text(3) ?? ""),
            var type => throw new ProtobufFormatException($"IntOrString type {type} is neither 0 (int) nor 1 (string)"),
        };
    }

    /// <summary>Reads a small message of varint and string fields numbered 1 to 3.</summary>
    private static SmallMessage Fields(ReadOnlySpan<byte> bytes, string path, List<string> unknown)
    {
        var message = new SmallMessage();
        var reader = new ProtoReader(bytes);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number > SmallMessage.Size)
            {
                ProtobufDecoder.Report(unknown, $"{path}.#{number}");
                reader.Skip(wireType);
            }
            else if (wireType == ProtoWireType.Varint)
            {
                message.Ints[number - 1] = unchecked((long)reader.ReadVarint());
            }
            else if (wireType == ProtoWireType.LengthDelimited)
            {
                message.Texts[number - 1] = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            }
            else
            {
                throw new ProtobufFormatException($"field {number} has unexpected wire type {(int)wireType} ({wireType})");
            }
        }
        return message;
    }

    private sealed class SmallMessage
    {
        public const int Size = 3;

        public long[] Ints { get; } = new long[Size];

        public string?[] Texts { get; } = new string?[Size];

        public long Int(int number) => Ints[number - 1];

        public string? Text(int number) => Texts[number - 1];
    }
}
