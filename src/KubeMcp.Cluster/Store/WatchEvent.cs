using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>One change to a stored object, in the order the store committed it.</summary>
internal sealed record WatchEvent(WatchEventType Type, string StorageKey, string Namespace, string Name, JsonObject Object, long ResourceVersion);
