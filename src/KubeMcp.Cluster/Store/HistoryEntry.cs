using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// One change in the watch history. While its object is the stored one it shares that snapshot; once a later write
/// supersedes it only the object's JSON is kept, because an old version is read again only when a watch resumes
/// from before it, and a JSON tree is several times the size of its text.
/// </summary>
internal sealed class HistoryEntry(WatchEvent change)
{
    private WatchEvent? _live = change;
    private byte[]? _json;

    public WatchEventType Type { get; } = change.Type;

    public string StorageKey { get; } = change.StorageKey;

    public string Namespace { get; } = change.Namespace;

    public string Name { get; } = change.Name;

    public long ResourceVersion { get; } = change.ResourceVersion;

    /// <summary>Bytes held for a superseded object; 0 while the object is shared with the store.</summary>
    public int Size => _json?.Length ?? 0;

    /// <summary>The change's object while it is still the stored snapshot; null once compacted.</summary>
    public JsonObject? LiveObject => _live?.Object;

    /// <summary>Keeps only the object's JSON, dropping the reference to the (superseded) snapshot.</summary>
    public void Compact()
    {
        if (_live is null)
        {
            return;
        }
        _json = JsonUtf8.ToBytes(_live.Object);
        _live = null;
    }

    /// <summary>The change as a watcher receives it; a compacted object is parsed afresh for each watcher.</summary>
    public WatchEvent ToEvent() =>
        _live ?? new WatchEvent(Type, StorageKey, Namespace, Name, JsonNode.Parse(_json)!.AsObject(), ResourceVersion);
}
