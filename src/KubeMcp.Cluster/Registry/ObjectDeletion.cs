using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Registry;

/// <summary>
/// How an object leaves the store: delete preconditions, finalizers and graceful pod termination (a deletionTimestamp
/// first, removal once nothing holds the object), and the ownerReference garbage collector that deletes or orphans
/// dependents per the propagation policy. <see cref="ObjectRegistry"/> delegates its deletes here.
/// </summary>
internal sealed class ObjectDeletion(ObjectRegistry registry, IReadOnlyList<IAdmissionPlugin> admission)
{
    private ObjectStore Store => registry.Store;

    public JsonObject Delete(ResourceType type, string? ns, string name, DeleteOptions options)
    {
        var key = registry.Key(type, ns, name);
        var current = Store.Get(key) ?? throw ApiException.NotFound(type, name);
        CheckPreconditions(type, name, current, options);
        if (options.DryRun)
        {
            return ObjectRegistry.WithServedVersion(type, current);
        }
        foreach (var plugin in admission)
        {
            plugin.Deleting(registry, type, current, options);
        }
        var finalizers = current["metadata"]?["finalizers"] as JsonArray;
        var graceful = registry.KubeletFinishesPodDeletion && type.StorageKey == "pods" && options.GracePeriodSeconds != 0
                       && current.Str("spec.nodeName") is { Length: > 0 };
        if (finalizers is { Count: > 0 } || graceful)
        {
            return ObjectRegistry.WithServedVersion(type, MarkForDeletion(type, key, options.GracePeriodSeconds ?? current.Int("spec.terminationGracePeriodSeconds") ?? 30));
        }
        return FinishDeletion(type, key, current, options.PropagationPolicy);
    }

    /// <summary>
    /// Whether an update left a deleting object with nothing holding it (no finalizers, no kubelet still stopping
    /// the pod's containers), so the update completes the deletion.
    /// </summary>
    public bool IsReadyForRemoval(JsonObject obj) =>
        obj["metadata"]?["deletionTimestamp"] is not null
        && (obj["metadata"]?["finalizers"] is not JsonArray f || f.Count == 0)
        && !(registry.KubeletFinishesPodDeletion && obj["kind"]?.ToString() == "Pod" && obj.Str("spec.nodeName") is { Length: > 0 });

    public JsonObject FinishDeletion(ResourceType type, ObjectKey key, JsonObject current, string? propagation = null)
    {
        var uid = current.Uid();
        if (propagation == "Orphan")
        {
            Orphan(uid);
        }
        JsonObject deleted;
        try
        {
            deleted = Store.Delete(type, key);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            return ObjectRegistry.WithServedVersion(type, current);
        }
        if (propagation != "Orphan")
        {
            CollectDependents(uid);
        }
        foreach (var plugin in admission)
        {
            plugin.Deleted(registry, type, deleted);
        }
        return ObjectRegistry.WithServedVersion(type, deleted);
    }

    private JsonObject MarkForDeletion(ResourceType type, ObjectKey key, long? grace) =>
        Store.Update(type, key, current =>
        {
            if (current["metadata"]?["deletionTimestamp"] is not null)
            {
                return current;
            }
            var next = current.DeepClone().AsObject();
            next.Meta()["deletionTimestamp"] = registry.Clock.GetUtcNow().Timestamp();
            next.Meta()["deletionGracePeriodSeconds"] = grace ?? 0;
            if (type.Kind == "Namespace")
            {
                next.Ensure("status")["phase"] = "Terminating";
            }
            return next;
        });

    /// <summary>The garbage collector's cascade: everything owned by the deleted object goes too.</summary>
    private void CollectDependents(string ownerUid)
    {
        foreach (var dependent in Store.Dependents(ownerUid))
        {
            var type = registry.Catalog.All.FirstOrDefault(t => t.StorageKey == dependent.StorageKey);
            if (type is null)
            {
                continue;
            }
            try
            {
                Delete(type, dependent.Namespace, dependent.Name, new DeleteOptions(PropagationPolicy: "Background"));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Already gone.
            }
        }
    }

    private void Orphan(string ownerUid)
    {
        foreach (var dependent in Store.Dependents(ownerUid))
        {
            var type = registry.Catalog.All.FirstOrDefault(t => t.StorageKey == dependent.StorageKey);
            if (type is null)
            {
                continue;
            }
            Store.Update(type, dependent, current =>
            {
                var next = current.DeepClone().AsObject();
                if (next.Meta()["ownerReferences"] is JsonArray refs)
                {
                    foreach (var r in refs.Where(r => r?["uid"]?.ToString() == ownerUid).ToList())
                    {
                        refs.Remove(r);
                    }
                    if (refs.Count == 0)
                    {
                        // The API omits an empty list, as an object that never had owners looks.
                        next.Meta().Remove("ownerReferences");
                    }
                }
                return next;
            });
        }
    }

    private static void CheckPreconditions(ResourceType type, string name, JsonObject current, DeleteOptions options)
    {
        if (options.PreconditionUid is { } uid && uid != current.Uid())
        {
            throw ApiException.Conflict(type, name,
                $"Precondition failed: UID in precondition: {uid}, UID in object meta: {current.Uid()}");
        }
        if (options.PreconditionResourceVersion is { } rv && rv != current["metadata"]?["resourceVersion"]?.ToString())
        {
            throw ApiException.Conflict(type, name,
                $"Precondition failed: ResourceVersion in precondition: {rv}, ResourceVersion in object meta: {current["metadata"]?["resourceVersion"]}");
        }
    }
}
