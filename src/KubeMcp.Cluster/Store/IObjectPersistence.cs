using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>Durable storage behind the in-memory object store; every committed change is written through.</summary>
internal interface IObjectPersistence : IDisposable
{
    /// <summary>Loads every stored object and the highest resourceVersion ever issued.</summary>
    (long ResourceVersion, IReadOnlyList<(ObjectKey Key, JsonObject Object)> Objects) Load();

    void Put(ObjectKey key, JsonObject obj, long resourceVersion);

    void Delete(ObjectKey key, long resourceVersion);
}
