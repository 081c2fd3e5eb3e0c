namespace KubeMcp.Cluster.Store;

/// <summary>Where an object lives: resource storage key, namespace (empty for cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(string StorageKey, string Namespace, string Name)
{
    /// <summary>Sort key within a resource: namespace then name, the order a real API server lists in.</summary>
    public string Path => Namespace.Length == 0 ? Name : $"{Namespace}/{Name}";
}
