using System.Text.Json.Nodes;
using System.Threading.Channels;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// The cluster's single source of truth: every object by resource, namespace and name, one global resourceVersion
/// sequence, and the recent change history that watches resume from (<see cref="WatchHistory"/>). Stored objects are
/// immutable snapshots: a write replaces the object, so readers may hold one without copying.
/// </summary>
internal sealed class ObjectStore : IDisposable
{
    /// <summary>How many changes a watch may resume from before it gets 410 Gone, as etcd compaction would do.</summary>
    public const int DefaultHistoryCapacity = 50_000;

    /// <summary>
    /// How many bytes of superseded objects the history may hold before its oldest changes are dropped (watches from
    /// before them get 410 Gone), so that a burst of writes to large objects cannot hold memory without bound.
    /// </summary>
    public const long DefaultHistoryBytes = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Watcher>> _watchers = new(StringComparer.Ordinal);
    private readonly WatchHistory _history;
    private readonly StoreIndexes _indexes = new();
    private readonly SnapshotCompactor _compactor = new();
    private readonly IObjectPersistence? _persistence;
    private long _resourceVersion;

    /// <param name="persistence">Where committed changes are written through; null keeps everything in memory.</param>
    /// <param name="historyCapacity">How many changes are kept for watches to resume from.</param>
    /// <param name="historyBytes">How many bytes of superseded objects the history may keep.</param>
    public ObjectStore(IObjectPersistence? persistence = null, int historyCapacity = DefaultHistoryCapacity, long historyBytes = DefaultHistoryBytes)
    {
        _history = new WatchHistory(historyCapacity, historyBytes);
        _persistence = persistence;
        if (persistence is not null)
        {
            var (rv, objects) = persistence.Load();
            _resourceVersion = rv;
            foreach (var (key, obj) in objects)
            {
                var stored = _compactor.Compact(obj);
                Bucket(key.StorageKey)[key.Path] = stored;
                _indexes.Update(key, null, stored);
            }
        }
        // Changes before a restart are not in memory: a watch from an older resourceVersion must re-list.
        _history.StartAfter(_resourceVersion);
    }

    /// <summary>The resourceVersion of the latest committed change.</summary>
    public long ResourceVersion
    {
        get { lock (_gate) { return _resourceVersion; } }
    }

    /// <summary>The oldest resourceVersion a watch can still resume after.</summary>
    public long OldestResumableVersion
    {
        get
        {
            lock (_gate)
            {
                return _history.CompactedVersion;
            }
        }
    }

    public JsonObject? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(key.StorageKey, out var bucket) && bucket.TryGetValue(key.Path, out var obj) ? obj : null;
        }
    }

    /// <summary>Objects of one resource, in namespace/name order, optionally in one namespace, after a list position.</summary>
    public (IReadOnlyList<JsonObject> Items, long ResourceVersion) List(string storageKey, string? ns, string? after = null)
    {
        lock (_gate)
        {
            if (!_resources.TryGetValue(storageKey, out var bucket))
            {
                return ([], _resourceVersion);
            }
            IEnumerable<KeyValuePair<string, JsonObject>> entries = bucket;
            if (ns is not null)
            {
                // Cluster-scoped objects have no namespace in their path, so a namespace's list of them is empty.
                entries = _indexes.InNamespace(storageKey, ns) ?? [];
            }
            if (after is not null)
            {
                entries = entries.Where(e => string.CompareOrdinal(e.Key, after) > 0);
            }
            return (entries.Select(e => e.Value).ToList(), _resourceVersion);
        }
    }

    /// <summary>Number of objects of one resource (cheap; for metrics and tests).</summary>
    public int Count(string storageKey)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(storageKey, out var bucket) ? bucket.Count : 0;
        }
    }

    /// <summary>Stores a new object, stamping its resourceVersion.</summary>
    public JsonObject Create(ResourceType type, ObjectKey key, JsonObject obj)
    {
        lock (_gate)
        {
            var bucket = Bucket(key.StorageKey);
            if (bucket.ContainsKey(key.Path))
            {
                throw ApiException.AlreadyExists(type, key.Name);
            }
            return Commit(WatchEventType.Added, key, null, obj, bucket);
        }
    }

    /// <summary>
    /// Atomically replaces an object with what <paramref name="mutate"/> makes of the current one. The function runs
    /// under the store lock: it must be quick and must not call back into the store. Returning the same instance
    /// means "no change" and nothing is written.
    /// </summary>
    public JsonObject Update(ResourceType type, ObjectKey key, Func<JsonObject, JsonObject> mutate)
    {
        lock (_gate)
        {
            var bucket = Bucket(key.StorageKey);
            if (!bucket.TryGetValue(key.Path, out var current))
            {
                throw ApiException.NotFound(type, key.Name);
            }
            var next = mutate(current);
            return ReferenceEquals(next, current) ? current : Commit(WatchEventType.Modified, key, current, next, bucket);
        }
    }

    /// <summary>Removes an object; <paramref name="precondition"/> may veto (throw) based on the current state.</summary>
    public JsonObject Delete(ResourceType type, ObjectKey key, Action<JsonObject>? precondition = null)
    {
        lock (_gate)
        {
            var bucket = Bucket(key.StorageKey);
            if (!bucket.TryGetValue(key.Path, out var current))
            {
                throw ApiException.NotFound(type, key.Name);
            }
            precondition?.Invoke(current);
            bucket.Remove(key.Path);
            _indexes.Update(key, current, null);
            var rv = ++_resourceVersion;
            var deleted = current.DeepClone().AsObject();
            Metadata(deleted)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _persistence?.Delete(key, rv);
            _history.Supersede(current);
            var change = new WatchEvent(WatchEventType.Deleted, key.StorageKey, key.Namespace, key.Name, deleted, rv);
            _history.AddDeleted(change);
            Publish(change);
            return deleted;
        }
    }

    /// <summary>
    /// Subscribes to changes of one resource. Events after <paramref name="fromVersion"/> that are still in history are
    /// replayed first; when <paramref name="sendInitial"/> is set, current objects are sent as ADDED first instead
    /// (a watch without a resourceVersion). Throws 410 Gone when the version is too old to resume from.
    /// </summary>
    public Watcher Watch(string storageKey, long? fromVersion, bool sendInitial, Func<WatchEvent, bool> filter)
    {
        lock (_gate)
        {
            var watcher = new Watcher(this, storageKey, filter);
            if (sendInitial)
            {
                if (_resources.TryGetValue(storageKey, out var bucket))
                {
                    foreach (var (path, obj) in bucket)
                    {
                        var slash = path.IndexOf('/');
                        var ns = slash < 0 ? "" : path[..slash];
                        var name = slash < 0 ? path : path[(slash + 1)..];
                        watcher.Offer(new WatchEvent(WatchEventType.Added, storageKey, ns, name, obj, _resourceVersion));
                    }
                }
            }
            else if (fromVersion is long from && from < _resourceVersion)
            {
                foreach (var change in _history.Since(storageKey, from))
                {
                    watcher.Offer(change);
                }
            }
            if (!_watchers.TryGetValue(storageKey, out var list))
            {
                _watchers[storageKey] = list = [];
            }
            list.Add(watcher);
            return watcher;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers.Values.SelectMany(w => w))
            {
                watcher.Complete();
            }
            _watchers.Clear();
        }
        _persistence?.Dispose();
    }

    private void Unsubscribe(Watcher watcher)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(watcher.StorageKey, out var list))
            {
                list.Remove(watcher);
            }
        }
    }

    /// <summary>Keys of the objects whose ownerReferences name the given owner uid (the garbage collector's graph).</summary>
    public IReadOnlyList<ObjectKey> Dependents(string ownerUid)
    {
        lock (_gate)
        {
            return [.. _indexes.Dependents(ownerUid)];
        }
    }

    /// <summary>
    /// The objects of one resource in one namespace whose ownerReferences name <paramref name="ownerUid"/>, in name
    /// order (the order a namespace list returns them in), found through the owner index rather than a list.
    /// </summary>
    public IReadOnlyList<JsonObject> DependentObjects(string ownerUid, string storageKey, string ns)
    {
        lock (_gate)
        {
            if (!_resources.TryGetValue(storageKey, out var bucket))
            {
                return [];
            }
            var found = new List<KeyValuePair<string, JsonObject>>();
            foreach (var key in _indexes.Dependents(ownerUid))
            {
                if (key.StorageKey == storageKey && key.Namespace == ns && bucket.TryGetValue(key.Path, out var obj))
                {
                    found.Add(KeyValuePair.Create(key.Path, obj));
                }
            }
            found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return [.. found.Select(f => f.Value)];
        }
    }

    /// <summary>The pods whose <c>spec.nodeName</c> is <paramref name="node"/>, in namespace/name order.</summary>
    public IReadOnlyList<JsonObject> PodsOnNode(string node)
    {
        lock (_gate)
        {
            return _indexes.PodsOn(node);
        }
    }

    /// <summary>
    /// Stores a compact copy of <paramref name="obj"/> (see <see cref="SnapshotCompactor"/>) and returns it: the
    /// stored snapshot is never an object a caller built and might still hold.
    /// </summary>
    private JsonObject Commit(WatchEventType type, ObjectKey key, JsonObject? previous, JsonObject obj, SortedDictionary<string, JsonObject> bucket)
    {
        var rv = ++_resourceVersion;
        Metadata(obj)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = _compactor.Compact(obj);
        bucket[key.Path] = stored;
        _indexes.Update(key, previous, stored);
        _persistence?.Put(key, stored, rv);
        if (previous is not null)
        {
            _history.Supersede(previous);
        }
        var change = new WatchEvent(type, key.StorageKey, key.Namespace, key.Name, stored, rv);
        _history.AddStored(change);
        Publish(change);
        return stored;
    }

    /// <summary>Hands a committed change to the resource's watchers.</summary>
    private void Publish(WatchEvent e)
    {
        if (_watchers.TryGetValue(e.StorageKey, out var list))
        {
            foreach (var watcher in list)
            {
                watcher.Offer(e);
            }
        }
    }

    private SortedDictionary<string, JsonObject> Bucket(string storageKey)
    {
        if (!_resources.TryGetValue(storageKey, out var bucket))
        {
            _resources[storageKey] = bucket = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        }
        return bucket;
    }

    private static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject meta)
        {
            return meta;
        }
        meta = new JsonObject();
        obj["metadata"] = meta;
        return meta;
    }

    /// <summary>A live subscription to one resource's changes; dispose to stop.</summary>
    internal sealed class Watcher : IDisposable
    {
        private readonly ObjectStore _store;
        private readonly Func<WatchEvent, bool> _filter;
        // Not SingleReader: the single-reader channel cannot report Count, which settling relies on.
        private readonly Channel<WatchEvent> _channel = Channel.CreateUnbounded<WatchEvent>(
            new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

        internal Watcher(ObjectStore store, string storageKey, Func<WatchEvent, bool> filter)
        {
            _store = store;
            StorageKey = storageKey;
            _filter = filter;
        }

        public string StorageKey { get; }

        public ChannelReader<WatchEvent> Events => _channel.Reader;

        internal void Offer(WatchEvent e)
        {
            if (_filter(e))
            {
                _channel.Writer.TryWrite(e);
            }
        }

        internal void Complete() => _channel.Writer.TryComplete();

        public void Dispose()
        {
            _store.Unsubscribe(this);
            Complete();
        }
    }
}
