using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization.Protobuf;

namespace KubeMcp.Tests.Cluster.Serialization.Protobuf;

public sealed class ProtobufDecoderMalformedTests
{
    private static readonly byte[] ValidConfigMap = ProtoBytes.Envelope("v1", "ConfigMap", c => c
        .Message(1, m => m.String(1, "settings").String(3, "default").Entry(11, "app", "web"))
        .Entry(2, "mode", "fast")
        .Message(3, e => e.String(1, "blob").Bytes(2, [1, 2, 3])));

    [Fact]
    public void Decode_EmptyBody_IsABadRequest()
    {
        var error = BadRequest([]);
        Assert.Contains("the body is empty", error.Message);
    }

    [Fact]
    public void Decode_WrongMagic_IsABadRequest()
    {
        var error = BadRequest([.. "k9s\0"u8.ToArray(), .. ValidConfigMap[4..]]);
        Assert.Contains("does not start with the Kubernetes protobuf prefix", error.Message);
    }

    [Fact]
    public void Decode_JsonSentAsProtobuf_IsABadRequest()
    {
        var error = BadRequest("""{"apiVersion":"v1","kind":"ConfigMap"}"""u8.ToArray());
        Assert.StartsWith("the protobuf request body could not be decoded", error.Message);
    }

    [Fact]
    public void Decode_TruncatedVarint_NamesTheField()
    {
        var body = ProtoBytes.Envelope("apps/v1", "Deployment", d => d.Message(2, s => s.Tag(1, 0).Raw(0x80)));

        var error = BadRequest(body);

        Assert.Contains("truncated varint", error.Message);
        Assert.Contains("at spec.replicas", error.Message);
    }

    [Fact]
    public void Decode_LengthPastTheEnd_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Message(1, m => m.Tag(1, 2).RawVarint(500).Raw((byte)'x')));

        var error = BadRequest(body);

        Assert.Contains("a length of 500 bytes runs past the end of the data (1 bytes left)", error.Message);
        Assert.Contains("at metadata.name", error.Message);
    }

    [Fact]
    public void Decode_HugeLength_IsABadRequestNotAnAllocation()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Tag(1, 2).RawVarint(ulong.MaxValue));
        Assert.Contains("runs past the end", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_VarintLongerThanTenBytes_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("apps/v1", "Deployment", d => d.Message(2, s => s.Tag(1, 0).Raw([.. Enumerable.Repeat((byte)0xFF, 11), 0x01])));
        Assert.Contains("overflows 64 bits", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_WrongWireType_NamesTheField()
    {
        var body = ProtoBytes.Envelope("apps/v1", "Deployment", d => d.Message(2, s => s.String(1, "three")));

        var error = BadRequest(body);

        Assert.Contains("where Varint was expected", error.Message);
        Assert.Contains("at spec.replicas", error.Message);
    }

    [Fact]
    public void Decode_GroupWireType_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Tag(40, 3).Tag(40, 4));
        Assert.Contains("unsupported wire type 3", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_FieldNumberZero_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Raw(0x02, 0x00));
        Assert.Contains("invalid field number 0", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_EnvelopeWithoutKind_IsABadRequest()
    {
        byte[] body = [.. "k8s\0"u8.ToArray(), .. new ProtoBytes().Message(1, t => t.String(1, "v1")).Message(2, _ => { }).ToArray()];
        Assert.Contains("does not name the object's apiVersion and kind", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_BadIntOrStringType_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("policy/v1", "PodDisruptionBudget", p => p.Message(2, s => s.Message(1, v => v.Varint(1, 7))));
        Assert.Contains("IntOrString type 7", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_TimestampOutOfRange_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Message(1, m => m.Message(8, t => t.Varint(1, long.MaxValue))));
        Assert.Contains("outside years 1-9999", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_EmbeddedRawThatIsNotJson_IsABadRequest()
    {
        var body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Message(1, m => m.Message(17, f => f.Message(7, raw => raw.String(1, "{not json")))));
        Assert.Contains("neither JSON nor Kubernetes protobuf", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_DeeplyNestedEmbeddedObjects_StopAtTheDepthLimit()
    {
        // managedFields[].fieldsV1 may hold an embedded protobuf object, which may hold another, and so on.
        var body = ProtoBytes.Envelope("v1", "ConfigMap", _ => { });
        for (var i = 0; i < 200; i++)
        {
            var inner = body;
            body = ProtoBytes.Envelope("v1", "ConfigMap", c => c.Message(1, m => m.Message(17, f => f.Message(7, raw => raw.Bytes(1, inner)))));
        }

        Assert.Contains($"nests more than {ProtobufDecoder.MaxDepth} levels deep", BadRequest(body).Message);
    }

    [Fact]
    public void Decode_KindWithoutSchema_IsUnsupportedMediaType()
    {
        var body = ProtoBytes.Envelope("example.com/v1", "Widget", w => w.Message(1, m => m.String(1, "w")));

        var error = Assert.Throws<ApiException>(() => ProtobufDecoder.Default.Decode(body));

        Assert.Equal(415, error.Code);
        Assert.Contains("cannot decode Widget in example.com/v1", error.Message);
        Assert.Contains("application/json", error.Message);
    }

    [Fact]
    public void Decode_CompressedEnvelope_IsUnsupportedMediaType()
    {
        byte[] body = [.. "k8s\0"u8.ToArray(), .. new ProtoBytes()
            .Message(1, t => t.String(1, "v1").String(2, "ConfigMap")).Message(2, _ => { }).String(3, "gzip").ToArray()];
        Assert.Equal(415, Assert.Throws<ApiException>(() => ProtobufDecoder.Default.Decode(body)).Code);
    }

    [Fact]
    public void Decode_EveryTruncationAndByteFlipOfAValidBody_FailsCleanlyOrDecodes()
    {
        // Whatever the damage, the outcome is a decoded object or a 400/415: never another exception.
        for (var length = 0; length < ValidConfigMap.Length; length++)
        {
            AssertCleanOutcome(ValidConfigMap[..length]);
        }
        var random = new Random(1234);
        for (var i = 0; i < 3000; i++)
        {
            var damaged = (byte[])ValidConfigMap.Clone();
            damaged[4 + random.Next(damaged.Length - 4)] = (byte)random.Next(256);
            AssertCleanOutcome(damaged);
        }
    }

    private static void AssertCleanOutcome(byte[] body)
    {
        try
        {
            Assert.NotNull(ProtobufDecoder.Default.Decode(body).Object);
        }
        catch (ApiException e)
        {
            Assert.True(e.Code is 400 or 415, $"unexpected status {e.Code}: {e.Message}");
        }
    }

    private static ApiException BadRequest(byte[] body)
    {
        var error = Assert.Throws<ApiException>(() => ProtobufDecoder.Default.Decode(body));
        Assert.Equal(400, error.Code);
        Assert.Equal("BadRequest", error.Reason);
        return error;
    }
}
