using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers;

/// <summary>What a controller may use while reconciling: the registry, the clock, events and requeueing.</summary>
internal sealed class ControllerContext(ObjectRegistry registry, EventRecorder events, Action<string, TimeSpan> requeue)
{
    public static readonly WriteOptions ControllerWrite = new("kube-controller-manager");

    public ObjectRegistry Registry { get; } = registry;

    public EventRecorder Events { get; } = events;

    public TimeProvider Clock => Registry.Clock;

    public DateTimeOffset Now => Registry.Clock.GetUtcNow();

    /// <summary>Reconcile the key again after a delay on the simulation clock (backoffs, timeouts, schedules).</summary>
    public void Requeue(string key, TimeSpan after) => requeue(key, after);

    public ResourceType Type(string group, string plural) =>
        Registry.Catalog.All.First(t => t.Group == group && t.Plural == plural);

    public IReadOnlyList<JsonObject> List(ResourceType type, string? ns) => Registry.Store.List(type.StorageKey, ns).Items;

    /// <summary>
    /// The objects of <paramref name="type"/> in the owner's namespace that <paramref name="owner"/> controls, in name
    /// order — what filtering a namespace list with <see cref="ControllerRefs.IsControlledBy"/> gives, found through
    /// the store's owner index so a reconcile costs what the owner owns, not what the namespace holds.
    /// </summary>
    public List<JsonObject> Controlled(ResourceType type, JsonObject owner) =>
        [.. Registry.Store.DependentObjects(owner.Uid(), type.StorageKey, owner.Namespace()).Where(o => ControllerRefs.IsControlledBy(o, owner))];

    /// <summary>Writes only the status of an object, leaving everything else as stored; no write when unchanged.</summary>
    public JsonObject UpdateStatus(ResourceType type, JsonObject current, JsonObject status)
    {
        if (JsonNode.DeepEquals(current["status"], status))
        {
            return current;
        }
        var next = current.DeepClone().AsObject();
        next["status"] = status;
        return Registry.Update(type, type.Namespaced ? current.Namespace() : null, current.Name(), next, ControllerWrite, "status");
    }
}
