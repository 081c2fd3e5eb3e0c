using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Reads the current objects a ServiceAccount token refers to (the ServiceAccount, and the Pod, Secret or Node it is
/// bound to), so deleting or re-creating one of them invalidates its tokens as on a real cluster.
/// </summary>
internal interface IObjectLookup
{
    /// <summary>The stored object, or null when it does not exist.</summary>
    /// <param name="resource">The core/v1 resource: <c>serviceaccounts</c>, <c>pods</c>, <c>secrets</c> or <c>nodes</c>.</param>
    /// <param name="namespace">The namespace; null for cluster-scoped resources.</param>
    /// <param name="name">The object name.</param>
    JsonObject? Find(string resource, string? @namespace, string name);
}
