using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Registry;

/// <summary>
/// A step every write passes through, like the API server's admission chain: defaulting, validation and kind-specific
/// reactions (CRDs registering their resources, services getting a cluster IP). Admit may change the object or throw
/// an <see cref="ApiException"/>; it runs under the store lock for updates, so it must not call back into the store.
/// </summary>
internal interface IAdmissionPlugin
{
    void Admit(AdmissionContext context, JsonObject obj);

    /// <summary>After the object is stored (not on dry runs).</summary>
    void Committed(AdmissionContext context, JsonObject stored) { }

    /// <summary>Before a delete is carried out; may throw to refuse it or do cascading work.</summary>
    void Deleting(ObjectRegistry registry, ResourceType type, JsonObject current, DeleteOptions options) { }

    /// <summary>After an object is removed from the store.</summary>
    void Deleted(ObjectRegistry registry, ResourceType type, JsonObject deleted) { }
}
