using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Serialization.Protobuf;

/// <summary>
/// Decodes a Kubernetes protobuf body (<c>application/vnd.kubernetes.protobuf</c>) into the object's JSON shape, as
/// Go would print the same object: the magic <c>k8s\0</c>, then a <c>runtime.Unknown</c> envelope whose type meta
/// names the kind and whose raw bytes hold the object's message. Fields the schema does not know are skipped and
/// reported; malformed bytes are a 400 and a kind without a schema a 415, so bad input never becomes a 500.
/// </summary>
internal sealed class ProtobufDecoder(ProtoSchema schema)
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    /// <summary>Far deeper than any Kubernetes object nests; it stops hostile bodies from exhausting the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>Unknown fields beyond this many are not listed one by one.</summary>
    private const int MaxReportedUnknownFields = 32;

    public static ProtobufDecoder Default { get; } = new(ProtoSchema.Default);

    public static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    /// <summary>Decodes a whole request body; throws <see cref="ApiException"/> (400 or 415) when it cannot.</summary>
    public ProtobufDecodeResult Decode(ReadOnlySpan<byte> body)
    {
        var unknown = new List<string>();
        try
        {
            return new ProtobufDecodeResult(DecodeEnvelope(body, "", 0, unknown), unknown);
        }
        catch (ProtobufFormatException e)
        {
            throw ApiException.BadRequest($"the protobuf request body could not be decoded: {e.Describe()}");
        }
    }

    private JsonObject DecodeEnvelope(ReadOnlySpan<byte> data, string path, int depth, List<string> unknown)
    {
        if (data.IsEmpty)
        {
            throw new ProtobufFormatException("the body is empty");
        }
        if (!data.StartsWith(Magic))
        {
            throw new ProtobufFormatException("the body does not start with the Kubernetes protobuf prefix \"k8s\\0\"");
        }
        string apiVersion = "", kind = "", contentEncoding = "", contentType = "";
        var raw = ReadOnlySpan<byte>.Empty;
        var reader = new ProtoReader(data[Magic.Length..]);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            switch (number)
            {
                case 1:
                    var typeMeta = new ProtoReader(Expect(ref reader, wireType, "typeMeta"));
                    while (!typeMeta.End)
                    {
                        var (metaNumber, metaWireType) = typeMeta.ReadTag();
                        if (metaNumber is 1 or 2)
                        {
                            var text = Utf8(Expect(ref typeMeta, metaWireType, metaNumber == 1 ? "apiVersion" : "kind"));
                            (apiVersion, kind) = metaNumber == 1 ? (text, kind) : (apiVersion, text);
                        }
                        else
                        {
                            typeMeta.Skip(metaWireType);
                        }
                    }
                    break;
                case 2:
                    raw = Expect(ref reader, wireType, "raw");
                    break;
                case 3:
                    contentEncoding = Utf8(Expect(ref reader, wireType, "contentEncoding"));
                    break;
                case 4:
                    contentType = Utf8(Expect(ref reader, wireType, "contentType"));
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }
        if (kind.Length == 0 || apiVersion.Length == 0)
        {
            throw new ProtobufFormatException("the envelope does not name the object's apiVersion and kind");
        }
        if (contentEncoding.Length > 0 || contentType.Length > 0 && contentType != MediaType)
        {
            throw Unsupported($"objects wrapped as {contentType} with encoding '{contentEncoding}'");
        }
        var message = schema.FindKind(apiVersion, kind) ?? throw Unsupported($"{kind} in {apiVersion}");
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        DecodeMessage(raw, message, obj, path, depth + 1, unknown);
        return obj;
    }

    private void DecodeMessage(ReadOnlySpan<byte> data, ProtoMessage message, JsonObject target, string path, int depth, List<string> unknown)
    {
        if (depth > MaxDepth)
        {
            throw new ProtobufFormatException($"the object nests more than {MaxDepth} levels deep", path);
        }
        var reader = new ProtoReader(data);
        try
        {
            while (!reader.End)
            {
                var (number, wireType) = reader.ReadTag();
                if (!message.Fields.TryGetValue(number, out var field))
                {
                    Report(unknown, Join(path, $"#{number}"));
                    reader.Skip(wireType);
                    continue;
                }
                var fieldPath = field.IsInline ? path : Join(path, field.JsonName!);
                try
                {
                    ReadField(ref reader, wireType, field, target, fieldPath, depth, unknown);
                }
                catch (ProtobufFormatException e)
                {
                    throw e.At(fieldPath);
                }
            }
        }
        catch (ProtobufFormatException e)
        {
            throw e.At(path);
        }
    }

    private void ReadField(ref ProtoReader reader, ProtoWireType wireType, ProtoField field, JsonObject target, string path, int depth, List<string> unknown)
    {
        if (field.IsInline)
        {
            DecodeMessage(Expect(ref reader, wireType, field), schema.Message(field.MessageName!), target, path, depth + 1, unknown);
            return;
        }
        var name = field.JsonName!;
        switch (field.Cardinality)
        {
            case ProtoCardinality.Single when field.Kind == ProtoKind.Message && target[name] is JsonObject existing:
                // A repeated occurrence of a message field merges into the first, as protobuf specifies.
                DecodeMessage(Expect(ref reader, wireType, field), schema.Message(field.MessageName!), existing, path, depth + 1, unknown);
                break;
            case ProtoCardinality.Single:
                var value = ReadValue(ref reader, wireType, field, path, depth, unknown);
                if (field.KeepZero || !IsScalar(field.Kind) || !IsZero(value))
                {
                    target[name] = value;
                }
                else
                {
                    target.Remove(name);
                }
                break;
            case ProtoCardinality.Repeated:
                if (target[name] is not JsonArray list)
                {
                    target[name] = list = [];
                }
                if (wireType == ProtoWireType.LengthDelimited && field.ExpectedWireType != ProtoWireType.LengthDelimited)
                {
                    var packed = new ProtoReader(reader.ReadLengthDelimited());
                    while (!packed.End)
                    {
                        list.Add(ReadValue(ref packed, field.ExpectedWireType, field, path, depth, unknown));
                    }
                }
                else
                {
                    list.Add(ReadValue(ref reader, wireType, field, $"{path}[{list.Count}]", depth, unknown));
                }
                break;
            case ProtoCardinality.Map:
                if (target[name] is not JsonObject map)
                {
                    target[name] = map = [];
                }
                ReadMapEntry(Expect(ref reader, wireType, field), field, map, path, depth, unknown);
                break;
        }
    }

    private void ReadMapEntry(ReadOnlySpan<byte> entry, ProtoField field, JsonObject map, string path, int depth, List<string> unknown)
    {
        var key = "";
        JsonNode? value = null;
        var hasValue = false;
        var reader = new ProtoReader(entry);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                key = Utf8(Expect(ref reader, wireType, "key"));
            }
            else if (number == 2)
            {
                value = ReadValue(ref reader, wireType, field, $"{path}[{key}]", depth, unknown);
                hasValue = true;
            }
            else
            {
                Report(unknown, $"{path}[{key}].#{number}");
                reader.Skip(wireType);
            }
        }
        map[key] = hasValue ? value : ZeroValue(field);
    }

    private JsonNode? ReadValue(ref ProtoReader reader, ProtoWireType wireType, ProtoField field, string path, int depth, List<string> unknown)
    {
        if (wireType != field.ExpectedWireType)
        {
            throw new ProtobufFormatException($"wire type {(int)wireType} ({wireType}) where {field.ExpectedWireType} was expected");
        }
        switch (field.Kind)
        {
            case ProtoKind.Bool:
                return JsonValue.Create(reader.ReadVarint() != 0);
            case ProtoKind.Int32:
                return JsonValue.Create(unchecked((int)reader.ReadVarint()));
            case ProtoKind.Int64:
                return JsonValue.Create(unchecked((long)reader.ReadVarint()));
            case ProtoKind.Double:
                return Finite(BitConverter.UInt64BitsToDouble(reader.ReadFixed64()));
            case ProtoKind.Float:
                return Finite(BitConverter.UInt32BitsToSingle(reader.ReadFixed32()));
        }
        var bytes = reader.ReadLengthDelimited();
        return field.Kind switch
        {
            ProtoKind.String => JsonValue.Create(Utf8(bytes)),
            ProtoKind.Bytes => JsonValue.Create(Convert.ToBase64String(bytes)),
            ProtoKind.Message => DecodeNested(bytes, schema.Message(field.MessageName!), path, depth, unknown),
            ProtoKind.RawJson => DecodeRaw(bytes, path, depth, unknown),
            _ => ProtoSpecialTypes.Decode(field.Kind, bytes, path, unknown),
        };
    }

    private JsonNode DecodeNested(ReadOnlySpan<byte> bytes, ProtoMessage message, string path, int depth, List<string> unknown)
    {
        var obj = new JsonObject();
        DecodeMessage(bytes, message, obj, path, depth + 1, unknown);
        if (!message.IsListWrapper)
        {
            return obj;
        }
        var items = obj["items"] as JsonArray ?? [];
        obj.Remove("items");
        return items;
    }

    /// <summary>
    /// A <c>runtime.RawExtension</c> or <c>metav1.FieldsV1</c> (raw=1): JSON as sent, or an embedded object that was
    /// itself protobuf-encoded.
    /// </summary>
    private JsonNode? DecodeRaw(ReadOnlySpan<byte> bytes, string path, int depth, List<string> unknown)
    {
        var raw = ReadOnlySpan<byte>.Empty;
        var reader = new ProtoReader(bytes);
        while (!reader.End)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1)
            {
                raw = Expect(ref reader, wireType, "raw");
            }
            else
            {
                Report(unknown, Join(path, $"#{number}"));
                reader.Skip(wireType);
            }
        }
        if (raw.IsEmpty)
        {
            return null;
        }
        if (raw.StartsWith(Magic))
        {
            return DecodeEnvelope(raw, path, depth + 1, unknown);
        }
        try
        {
            var json = new Utf8JsonReader(raw, new JsonReaderOptions { MaxDepth = MaxDepth });
            return JsonNode.Parse(ref json);
        }
        catch (JsonException)
        {
            throw new ProtobufFormatException("an embedded object is neither JSON nor Kubernetes protobuf");
        }
    }

    private static JsonNode? ZeroValue(ProtoField field) => field.Kind switch
    {
        ProtoKind.String or ProtoKind.Bytes => JsonValue.Create(""),
        ProtoKind.Bool => JsonValue.Create(false),
        ProtoKind.Int32 or ProtoKind.Int64 or ProtoKind.Double or ProtoKind.Float => JsonValue.Create(0),
        ProtoKind.Quantity => JsonValue.Create("0"),
        ProtoKind.IntOrString => JsonValue.Create(0),
        ProtoKind.Message => new JsonObject(),
        _ => null,
    };

    private static bool IsScalar(ProtoKind kind) => kind is ProtoKind.String or ProtoKind.Bool or ProtoKind.Int32
        or ProtoKind.Int64 or ProtoKind.Double or ProtoKind.Float or ProtoKind.Bytes;

    private static bool IsZero(JsonNode? value) => value is JsonValue v && (
        v.TryGetValue<string>(out var s) ? s.Length == 0 :
        v.TryGetValue<bool>(out var b) ? !b :
        v.TryGetValue<int>(out var i) ? i == 0 :
        v.TryGetValue<long>(out var l) ? l == 0 :
        v.TryGetValue<double>(out var d) && d == 0);

    private static JsonValue Finite(double value) =>
        double.IsFinite(value) ? JsonValue.Create(value) : throw new ProtobufFormatException($"{value} cannot be represented in JSON");

    private static ReadOnlySpan<byte> Expect(scoped ref ProtoReader reader, ProtoWireType wireType, ProtoField field) =>
        Expect(ref reader, wireType, field.JsonName ?? field.MessageName!);

    private static ReadOnlySpan<byte> Expect(scoped ref ProtoReader reader, ProtoWireType wireType, string what) =>
        wireType == ProtoWireType.LengthDelimited
            ? reader.ReadLengthDelimited()
            : throw new ProtobufFormatException($"{what} has wire type {(int)wireType} ({wireType}) where a length-delimited value was expected");

    private static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Notes a skipped field, listing only the first few so a hostile body cannot grow the list unboundedly.</summary>
    internal static void Report(List<string> unknown, string path)
    {
        if (unknown.Count < MaxReportedUnknownFields)
        {
            unknown.Add(path);
        }
        else if (unknown.Count == MaxReportedUnknownFields)
        {
            unknown.Add("…");
        }
    }

    private static ApiException Unsupported(string what) =>
        new(415, "UnsupportedMediaType",
            $"the embedded cluster cannot decode {what} from {MediaType}; send the object as application/json or application/yaml");
}
