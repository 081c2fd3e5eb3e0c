using System.Text.Json.Nodes;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Tests.Cluster.Store;

/// <summary>Persistence that keeps rows in a dictionary, so a test can "restart" a store over the same data.</summary>
internal sealed class MemoryPersistence : IObjectPersistence
{
    private readonly Dictionary<ObjectKey, string> _rows = [];

    public long ResourceVersion { get; private set; }

    public int Count => _rows.Count;

    public (long ResourceVersion, IReadOnlyList<(ObjectKey Key, JsonObject Object)> Objects) Load() =>
        (ResourceVersion, _rows.Select(r => (r.Key, JsonNode.Parse(r.Value)!.AsObject())).ToList());

    public void Put(ObjectKey key, JsonObject obj, long resourceVersion)
    {
        _rows[key] = obj.ToJsonString();
        ResourceVersion = resourceVersion;
    }

    public void Delete(ObjectKey key, long resourceVersion)
    {
        _rows.Remove(key);
        ResourceVersion = resourceVersion;
    }

    public void Dispose()
    {
    }
}
