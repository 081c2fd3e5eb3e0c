using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>A JSON node as compact UTF-8 text, for keeping objects that are rarely read again.</summary>
internal static class JsonUtf8
{
    public static byte[] ToBytes(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }
}
