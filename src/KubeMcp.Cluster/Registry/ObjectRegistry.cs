using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Registry;

/// <summary>
/// The API server's generic REST storage: what happens to an object on create, update, delete and list, for every
/// kind — metadata stamping, optimistic concurrency, status/spec separation, finalizers, garbage collection and
/// namespace lifecycle. The HTTP layer and the in-process controllers both write through here, so every change is
/// subject to the same rules. Finalizers and garbage collection live in <see cref="ObjectDeletion"/>, the replace
/// merge in <see cref="UpdateMerge"/>.
/// </summary>
internal sealed class ObjectRegistry
{
    private readonly List<IAdmissionPlugin> _admission = [];
    private readonly ObjectDeletion _deletion;

    public ObjectRegistry(ObjectStore store, ResourceCatalog catalog, TimeProvider clock)
    {
        Store = store;
        Catalog = catalog;
        Clock = clock;
        _deletion = new ObjectDeletion(this, _admission);
    }

    public ObjectStore Store { get; }

    public ResourceCatalog Catalog { get; }

    public TimeProvider Clock { get; }

    /// <summary>
    /// When set, deleting a pod that runs on a node only marks it (deletionTimestamp) and the node's kubelet finishes
    /// the deletion after stopping its containers, as on a real cluster.
    /// </summary>
    public bool KubeletFinishesPodDeletion { get; set; }

    /// <summary>Adds a step that defaults, validates or reacts to writes (run in registration order).</summary>
    public void AddAdmission(IAdmissionPlugin plugin) => _admission.Add(plugin);

    public JsonObject Get(ResourceType type, string? ns, string name) =>
        Store.Get(Key(type, ns, name)) ?? throw ApiException.NotFound(type, name);

    public JsonObject? TryGet(ResourceType type, string? ns, string name) => Store.Get(Key(type, ns, name));

    public ListResult List(ResourceType type, string? ns, ListOptions options)
    {
        var labels = LabelSelector.Parse(options.LabelSelector);
        var fields = FieldSelector.Parse(options.FieldSelector, type.Kind);
        var after = options.Continue is null ? null : ContinueToken.Decode(options.Continue);
        var (all, rv) = Store.List(type.StorageKey, type.Namespaced ? ns : null, after);
        IEnumerable<JsonObject> matching = all;
        if (!labels.IsEmpty)
        {
            matching = matching.Where(o => labels.Matches(o.Labels()));
        }
        if (!ReferenceEquals(fields, FieldSelector.Everything))
        {
            matching = matching.Where(fields.Matches);
        }
        var items = matching.Select(o => WithServedVersion(type, o)).ToList();
        if (options.Limit is int limit and > 0 && items.Count > limit)
        {
            var page = items.GetRange(0, limit);
            var last = page[^1];
            var path = type.Namespaced ? $"{last.Namespace()}/{last.Name()}" : last.Name();
            return new ListResult(page, rv, ContinueToken.Encode(rv, path), items.Count - limit);
        }
        return new ListResult(items, rv, null, null);
    }

    public JsonObject Create(ResourceType type, string? ns, JsonObject input, WriteOptions options)
    {
        var obj = input.DeepClone().AsObject();
        obj["apiVersion"] = type.ApiVersion;
        obj["kind"] = type.Kind;
        var meta = obj.Meta();
        ns = ResolveNamespace(type, ns, meta);
        if (string.IsNullOrEmpty(meta["name"]?.ToString()))
        {
            var prefix = meta["generateName"]?.ToString();
            if (string.IsNullOrEmpty(prefix))
            {
                throw ApiException.Invalid(type.Kind, "",
                    [new FieldError("FieldValueRequired", "metadata.name", "Required value: name or generateName is required")], type.Group);
            }
            meta["name"] = prefix + NameGenerator.RandomSuffix();
        }
        var now = Clock.GetUtcNow();
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = now.Timestamp();
        meta.Remove("resourceVersion");
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        if (ObjectGeneration.IsTracked(type))
        {
            meta["generation"] = 1;
        }
        if (ns is not null && type.Kind != "Namespace")
        {
            RequireActiveNamespace(ns);
        }
        var context = new AdmissionContext(this, type, AdmissionOperation.Create, null, options);
        foreach (var plugin in _admission)
        {
            plugin.Admit(context, obj);
        }
        if (!options.Apply)
        {
            Patching.ServerSideApply.RecordUpdate(null, obj, options.FieldManager, "Update", now);
        }
        var key = Key(type, ns, obj.Name());
        if (options.DryRun)
        {
            if (Store.Get(key) is not null)
            {
                throw ApiException.AlreadyExists(type, obj.Name());
            }
            return obj;
        }
        var created = Store.Create(type, key, obj);
        foreach (var plugin in _admission)
        {
            plugin.Committed(context, created);
        }
        return WithServedVersion(type, created);
    }

    /// <summary>
    /// Replaces an object (PUT). With <paramref name="subresource"/> "status" only the status changes; on the main
    /// resource of a kind with a status subresource, the status is kept as it was — the split real controllers rely on.
    /// </summary>
    public JsonObject Update(ResourceType type, string? ns, string name, JsonObject input, WriteOptions options, string? subresource = null)
    {
        var inputMeta = input["metadata"] as JsonObject;
        if (inputMeta?["name"] is { } bodyName && bodyName.ToString() != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }
        var expected = inputMeta?["resourceVersion"]?.ToString();
        var context = new AdmissionContext(this, type, AdmissionOperation.Update, subresource, options);
        JsonObject? result = null;
        var key = Key(type, ns, name);
        Func<JsonObject, JsonObject> mutate = current =>
        {
            if (!string.IsNullOrEmpty(expected) && expected != current["metadata"]?["resourceVersion"]?.ToString())
            {
                throw ApiException.Conflict(type, name, "the object has been modified; please apply your changes to the latest version and try again");
            }
            var next = UpdateMerge.Next(type, current, input, subresource);
            foreach (var plugin in _admission)
            {
                plugin.Admit(context with { Old = current }, next);
            }
            if (!options.Apply)
            {
                Patching.ServerSideApply.RecordUpdate(current, next, options.FieldManager, "Update", Clock.GetUtcNow(), subresource);
            }
            if (JsonNode.DeepEquals(Comparable(next), Comparable(current)))
            {
                result = current;
                return current;
            }
            result = next;
            return options.DryRun ? current : next;
        };
        var before = Store.Get(key);
        var stored = Store.Update(type, key, mutate);
        result ??= stored;
        if (options.DryRun || ReferenceEquals(stored, before))
        {
            // Dry runs and no-op updates change nothing, so nothing downstream reacts.
            return WithServedVersion(type, result);
        }
        if (_deletion.IsReadyForRemoval(stored))
        {
            return _deletion.FinishDeletion(type, key, stored);
        }
        foreach (var plugin in _admission)
        {
            plugin.Committed(context, stored);
        }
        return WithServedVersion(type, stored);
    }

    /// <summary>
    /// Deletes an object as the API server does: objects with finalizers only get a deletionTimestamp; dependents are
    /// deleted (Background/Foreground) or orphaned per the propagation policy.
    /// </summary>
    public JsonObject Delete(ResourceType type, string? ns, string name, DeleteOptions options) =>
        _deletion.Delete(type, ns, name, options);

    /// <summary>
    /// Assigns a pod to a node, as <c>POST pods/{name}/binding</c> does for the scheduler: spec.nodeName, which no pod
    /// update may change, is set once, and the pod is marked scheduled.
    /// </summary>
    public JsonObject Bind(string ns, string podName, string nodeName, WriteOptions options)
    {
        var type = Catalog.Find("", "v1", "pods")!;
        var key = Key(type, ns, podName);
        var context = new AdmissionContext(this, type, AdmissionOperation.Update, "binding", options);
        var before = Store.Get(key);
        var stored = Store.Update(type, key, current =>
        {
            if (current["metadata"]?["deletionTimestamp"] is not null)
            {
                throw ApiException.Conflict(type, podName, $"pod {podName} is being deleted, cannot be assigned to a host");
            }
            if (current.Str("spec.nodeName") is { Length: > 0 } assigned)
            {
                throw ApiException.Conflict(type, podName, $"pod {podName} is already assigned to node \"{assigned}\"");
            }
            if (options.DryRun)
            {
                return current;
            }
            var next = current.DeepClone().AsObject();
            next.Ensure("spec")["nodeName"] = nodeName;
            MarkScheduled(next.Ensure("status"), Clock.GetUtcNow().Timestamp());
            return next;
        });
        if (!ReferenceEquals(stored, before))
        {
            foreach (var plugin in _admission)
            {
                plugin.Committed(context, stored);
            }
        }
        return stored;
    }

    public IReadOnlyList<JsonObject> DeleteCollection(ResourceType type, string? ns, ListOptions list, DeleteOptions options)
    {
        var deleted = new List<JsonObject>();
        foreach (var item in List(type, ns, list with { Limit = null, Continue = null }).Items)
        {
            try
            {
                deleted.Add(Delete(type, type.Namespaced ? item.Namespace() : null, item.Name(), options));
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted concurrently (for example by garbage collection of an earlier item): nothing to do.
            }
        }
        return deleted;
    }

    public ObjectKey Key(ResourceType type, string? ns, string name) =>
        new(type.StorageKey, type.Namespaced ? ns ?? "" : "", name);

    private static void MarkScheduled(JsonObject status, string now)
    {
        if (status["conditions"] is not JsonArray conditions)
        {
            status["conditions"] = conditions = [];
        }
        if (!conditions.OfType<JsonObject>().Any(c => c["type"]?.ToString() == "PodScheduled" && c["status"]?.ToString() == "True"))
        {
            foreach (var old in conditions.OfType<JsonObject>().Where(c => c["type"]?.ToString() == "PodScheduled").ToList())
            {
                conditions.Remove(old);
            }
            conditions.Add(new JsonObject { ["type"] = "PodScheduled", ["status"] = "True", ["lastProbeTime"] = null, ["lastTransitionTime"] = now });
        }
    }

    /// <summary>Object without the fields the server rewrites on every write, to detect no-op updates.</summary>
    private static JsonObject Comparable(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        if (copy["metadata"] is JsonObject meta)
        {
            meta.Remove("resourceVersion");
            meta.Remove("managedFields");
        }
        return copy;
    }

    private string? ResolveNamespace(ResourceType type, string? ns, JsonObject meta)
    {
        if (!type.Namespaced)
        {
            meta.Remove("namespace");
            return null;
        }
        var bodyNs = meta["namespace"]?.ToString();
        if (ns is null)
        {
            ns = string.IsNullOrEmpty(bodyNs) ? "default" : bodyNs;
        }
        else if (!string.IsNullOrEmpty(bodyNs) && bodyNs != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        meta["namespace"] = ns;
        return ns;
    }

    private void RequireActiveNamespace(string ns)
    {
        var nsType = Catalog.Find("", "v1", "namespaces")!;
        var namespaceObj = Store.Get(Key(nsType, null, ns)) ?? throw ApiException.NotFound(nsType, ns);
        if (namespaceObj["metadata"]?["deletionTimestamp"] is not null)
        {
            throw ApiException.Forbidden(
                $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    /// <summary>Objects are stored once per resource; a read through another version reports that version.</summary>
    internal static JsonObject WithServedVersion(ResourceType type, JsonObject obj)
    {
        if (obj["apiVersion"]?.ToString() == type.ApiVersion)
        {
            return obj;
        }
        var copy = obj.DeepClone().AsObject();
        copy["apiVersion"] = type.ApiVersion;
        return copy;
    }
}
