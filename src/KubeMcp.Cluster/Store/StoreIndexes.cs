using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// The store's secondary indexes, kept in step with every commit under the store's lock (as the API server's watch
/// cache indexes pods by node and client-go informers index by namespace): objects by namespace, pods by
/// <c>spec.nodeName</c>, and dependents by owner uid. They let controllers, the scheduler and the kubelets look up
/// what concerns them without walking every object of a resource.
/// </summary>
internal sealed class StoreIndexes
{
    private const string Pods = "pods";

    private readonly Dictionary<string, Dictionary<string, SortedDictionary<string, JsonObject>>> _byNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, JsonObject>> _podsByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependents = new(StringComparer.Ordinal);

    /// <summary>Moves <paramref name="key"/> from what <paramref name="previous"/> was indexed under to <paramref name="current"/>'s.</summary>
    public void Update(ObjectKey key, JsonObject? previous, JsonObject? current)
    {
        var path = key.Path;
        if (key.Namespace.Length > 0)
        {
            if (!_byNamespace.TryGetValue(key.StorageKey, out var namespaces))
            {
                _byNamespace[key.StorageKey] = namespaces = new Dictionary<string, SortedDictionary<string, JsonObject>>(StringComparer.Ordinal);
            }
            Set(namespaces, key.Namespace, path, current);
        }
        if (key.StorageKey == Pods)
        {
            var before = NodeName(previous);
            var after = NodeName(current);
            if (before is not null && before != after)
            {
                Set(_podsByNode, before, path, null);
            }
            if (after is not null)
            {
                Set(_podsByNode, after, path, current);
            }
        }
        IndexOwners(key, previous, current);
    }

    /// <summary>The objects of one resource in one namespace, keyed and ordered by path; null when there are none.</summary>
    public SortedDictionary<string, JsonObject>? InNamespace(string storageKey, string ns) =>
        _byNamespace.TryGetValue(storageKey, out var namespaces) && namespaces.TryGetValue(ns, out var objects) ? objects : null;

    /// <summary>The pods bound to <paramref name="node"/>, in namespace/name order.</summary>
    public IReadOnlyList<JsonObject> PodsOn(string node) =>
        _podsByNode.TryGetValue(node, out var pods) ? [.. pods.Values] : [];

    /// <summary>Keys of the objects whose ownerReferences name the given owner uid.</summary>
    public IReadOnlyCollection<ObjectKey> Dependents(string ownerUid) =>
        _dependents.TryGetValue(ownerUid, out var set) ? set : [];

    private static void Set(Dictionary<string, SortedDictionary<string, JsonObject>> index, string bucket, string path, JsonObject? obj)
    {
        if (obj is null)
        {
            if (index.TryGetValue(bucket, out var existing) && existing.Remove(path) && existing.Count == 0)
            {
                index.Remove(bucket);
            }
            return;
        }
        if (!index.TryGetValue(bucket, out var objects))
        {
            index[bucket] = objects = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        }
        objects[path] = obj;
    }

    private static string? NodeName(JsonObject? pod) =>
        pod?["spec"]?["nodeName"] is JsonValue v && v.TryGetValue<string>(out var node) && node.Length > 0 ? node : null;

    private void IndexOwners(ObjectKey key, JsonObject? previous, JsonObject? current)
    {
        foreach (var uid in OwnerUids(previous))
        {
            if (_dependents.TryGetValue(uid, out var set) && set.Remove(key) && set.Count == 0)
            {
                _dependents.Remove(uid);
            }
        }
        foreach (var uid in OwnerUids(current))
        {
            if (!_dependents.TryGetValue(uid, out var set))
            {
                _dependents[uid] = set = [];
            }
            set.Add(key);
        }
    }

    private static IEnumerable<string> OwnerUids(JsonObject? obj) =>
        (obj?["metadata"]?["ownerReferences"] as JsonArray)?.Select(r => r?["uid"]?.ToString()).OfType<string>() ?? [];
}
