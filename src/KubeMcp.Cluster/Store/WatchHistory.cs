using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// The recent changes a watch may resume from, like etcd's history before compaction: at most a fixed number of
/// changes, and a byte budget for superseded objects. While a change's object is still the stored snapshot its entry
/// shares it; once that object is replaced or deleted the entry keeps only its JSON. Not thread-safe: the store calls
/// it under its lock.
/// </summary>
internal sealed class WatchHistory
{
    private readonly HistoryEntry?[] _entries;
    // The entries whose object is still the stored snapshot, by that snapshot, to compact when it is replaced.
    private readonly Dictionary<JsonObject, HistoryEntry> _live = new(ReferenceEqualityComparer.Instance);
    private readonly long _byteBudget;
    private long _first;
    private long _count;
    private long _bytes;

    /// <param name="capacity">How many changes are kept.</param>
    /// <param name="byteBudget">How many bytes of superseded objects are kept.</param>
    public WatchHistory(int capacity, long byteBudget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(byteBudget, 0);
        _entries = new HistoryEntry?[capacity];
        _byteBudget = byteBudget;
    }

    /// <summary>The resourceVersion of the newest change no longer kept: watches must start after it.</summary>
    public long CompactedVersion { get; private set; }

    /// <summary>Changes up to <paramref name="resourceVersion"/> were made before this history began (a restart).</summary>
    public void StartAfter(long resourceVersion) => CompactedVersion = resourceVersion;

    /// <summary>Records a change whose object is now the stored snapshot.</summary>
    public void AddStored(WatchEvent change) => _live[change.Object] = Add(change);

    /// <summary>Records a deletion: its object is nobody's stored snapshot, so the entry keeps only its JSON at once.</summary>
    public void AddDeleted(WatchEvent change) => Compact(Add(change));

    /// <summary>The stored snapshot <paramref name="previous"/> was replaced or deleted: its entry keeps only its JSON from now on.</summary>
    public void Supersede(JsonObject previous)
    {
        if (_live.Remove(previous, out var entry))
        {
            Compact(entry);
        }
    }

    /// <summary>The kept changes of one resource after <paramref name="from"/>, oldest first; 410 Gone when some are no longer kept.</summary>
    public List<WatchEvent> Since(string storageKey, long from)
    {
        if (from < CompactedVersion)
        {
            throw ApiException.Gone($"too old resource version: {from} ({CompactedVersion + 1})");
        }
        var changes = new List<WatchEvent>();
        for (var i = _first; i < _count; i++)
        {
            var entry = _entries[i % _entries.Length]!;
            if (entry.ResourceVersion > from && entry.StorageKey == storageKey)
            {
                changes.Add(entry.ToEvent());
            }
        }
        return changes;
    }

    private HistoryEntry Add(WatchEvent change)
    {
        if (_count - _first == _entries.Length)
        {
            DropOldest();
        }
        var entry = new HistoryEntry(change);
        _entries[_count % _entries.Length] = entry;
        _count++;
        return entry;
    }

    private void Compact(HistoryEntry entry)
    {
        entry.Compact();
        _bytes += entry.Size;
        // The newest change always stays, so a watch from the current resourceVersion is never Gone.
        while (_bytes > _byteBudget && _count - _first > 1)
        {
            DropOldest();
        }
    }

    private void DropOldest()
    {
        var slot = _first % _entries.Length;
        var oldest = _entries[slot]!;
        if (oldest.LiveObject is { } live && _live.TryGetValue(live, out var entry) && ReferenceEquals(entry, oldest))
        {
            _live.Remove(live);
        }
        _bytes -= oldest.Size;
        CompactedVersion = oldest.ResourceVersion;
        _entries[slot] = null;
        _first++;
    }
}
