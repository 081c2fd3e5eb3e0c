using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// Parts that many stored objects have alike — the containers, tolerations, labels and owner references of one
/// Deployment's replicas, the same conditions — kept once, as a parsed document that each object holding such a part
/// refers to through a node of its own. A node over a document holds only its place in it until something reads
/// into it; the nodes it then builds are that object's own, so objects never share nodes, only the document, which
/// nothing changes. Not thread-safe: <see cref="SnapshotCompactor"/> calls it under the store's lock.
/// </summary>
internal sealed class SharedSubtrees
{
    // A direct-mapped cache bounds what is kept for parts seen once; shorter parts are not worth a document, longer
    // ones are rarely alike.
    private const int Slots = 1024;
    private const int MinLength = 48;
    private const int MaxLength = 8 * 1024;

    private readonly Entry?[] _entries = new Entry?[Slots];
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>
    /// A node over the shared document of a part equal to <paramref name="part"/> when one was seen before; else null,
    /// and the part is remembered so that the next equal one is shared.
    /// </summary>
    public JsonNode? Find(JsonNode part)
    {
        if (part is not (JsonObject or JsonArray))
        {
            return null;
        }
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            part.WriteTo(writer);
        }
        var text = _buffer.WrittenSpan;
        if (text.Length is < MinLength or > MaxLength)
        {
            return null;
        }
        var hash = Hash(text);
        var slot = (int)((uint)hash % Slots);
        var entry = _entries[slot];
        if (entry is null || entry.Hash != hash || !entry.Utf8.AsSpan().SequenceEqual(text))
        {
            _entries[slot] = new Entry(hash, text.ToArray());
            return null;
        }
        var element = entry.Element ??= JsonSerializer.Deserialize<JsonElement>(entry.Utf8);
        return element.ValueKind == JsonValueKind.Object ? JsonObject.Create(element) : JsonArray.Create(element);
    }

    private static int Hash(ReadOnlySpan<byte> text)
    {
        var hash = new HashCode();
        hash.AddBytes(text);
        return hash.ToHashCode();
    }

    private sealed class Entry(int hash, byte[] utf8)
    {
        public int Hash { get; } = hash;

        public byte[] Utf8 { get; } = utf8;

        // Parsed the second time the part is seen: a part seen once costs only its text.
        public JsonElement? Element { get; set; }
    }
}
