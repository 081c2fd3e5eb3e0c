using System.Buffers;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// One change in the watch history. While its object is the stored one it shares that snapshot; once a later write
/// supersedes it only the object's JSON is kept, Brotli-compressed, because an old version is read again only when a
/// watch resumes from before it, and a JSON tree is several times the size of its text (and the text several times
/// its compressed form: Kubernetes objects repeat their field names and values a lot).
/// </summary>
internal sealed class HistoryEntry(WatchEvent change)
{
    // The fastest Brotli level: compressing runs under the store's lock on every write that supersedes an object.
    private const int Quality = 1;
    private const int Window = 22;

    private WatchEvent? _live = change;
    private byte[]? _packed;
    private int _size;
    private bool _compressed;

    public WatchEventType Type { get; } = change.Type;

    public string StorageKey { get; } = change.StorageKey;

    public string Namespace { get; } = change.Namespace;

    public string Name { get; } = change.Name;

    public long ResourceVersion { get; } = change.ResourceVersion;

    /// <summary>
    /// Bytes of JSON a superseded object has (what the history's byte budget counts; the entry holds less, compressed);
    /// 0 while the object is shared with the store.
    /// </summary>
    public int Size => _size;

    /// <summary>The change's object while it is still the stored snapshot; null once compacted.</summary>
    public JsonObject? LiveObject => _live?.Object;

    /// <summary>Keeps only the object's compressed JSON, dropping the reference to the (superseded) snapshot.</summary>
    public void Compact()
    {
        if (_live is null)
        {
            return;
        }
        var json = JsonUtf8.ToBytes(_live.Object);
        _size = json.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.Length));
        try
        {
            _compressed = BrotliEncoder.TryCompress(json, buffer, out var written, Quality, Window) && written < json.Length;
            _packed = _compressed ? buffer.AsSpan(0, written).ToArray() : json;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        _live = null;
    }

    /// <summary>The change as a watcher receives it; a compacted object is parsed afresh for each watcher.</summary>
    public WatchEvent ToEvent() =>
        _live ?? new WatchEvent(Type, StorageKey, Namespace, Name, JsonNode.Parse(Unpack())!.AsObject(), ResourceVersion);

    private byte[] Unpack()
    {
        if (!_compressed)
        {
            // Kept as it was: Brotli could not make it smaller.
            return _packed!;
        }
        var json = new byte[_size];
        if (!BrotliDecoder.TryDecompress(_packed, json, out var written) || written != _size)
        {
            throw new InvalidOperationException("A watch history entry could not be decompressed.");
        }
        return json;
    }
}
