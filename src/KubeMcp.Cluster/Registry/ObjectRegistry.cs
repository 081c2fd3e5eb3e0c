using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Registry;

/// <summary>
/// The API server's generic REST storage: what happens to an object on create, update, delete and list, for every
/// kind — metadata stamping, optimistic concurrency, status/spec separation, finalizers, garbage collection and
/// namespace lifecycle. The HTTP layer and the in-process controllers both write through here, so every change is
/// subject to the same rules.
/// </summary>
internal sealed class ObjectRegistry
{
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly List<IAdmissionPlugin> _admission = [];

    public ObjectRegistry(ObjectStore store, ResourceCatalog catalog, TimeProvider clock)
    {
        Store = store;
        Catalog = catalog;
        Clock = clock;
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
            meta["name"] = prefix + RandomSuffix();
        }
        var now = Clock.GetUtcNow();
        meta["uid"] = Guid.NewGuid().ToString();
        meta["creationTimestamp"] = now.Timestamp();
        meta.Remove("resourceVersion");
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        if (TracksGeneration(type))
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
            var next = Merge(type, current, input, subresource);
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
        if (IsReadyForRemoval(stored))
        {
            return FinishDeletion(type, key, stored);
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
    public JsonObject Delete(ResourceType type, string? ns, string name, DeleteOptions options)
    {
        var key = Key(type, ns, name);
        var current = Store.Get(key) ?? throw ApiException.NotFound(type, name);
        CheckPreconditions(type, name, current, options);
        if (options.DryRun)
        {
            return WithServedVersion(type, current);
        }
        foreach (var plugin in _admission)
        {
            plugin.Deleting(this, type, current, options);
        }
        var finalizers = current["metadata"]?["finalizers"] as JsonArray;
        var graceful = KubeletFinishesPodDeletion && type.StorageKey == "pods" && options.GracePeriodSeconds != 0
                       && current.Str("spec.nodeName") is { Length: > 0 };
        if (finalizers is { Count: > 0 } || graceful)
        {
            return WithServedVersion(type, MarkForDeletion(type, key, options.GracePeriodSeconds ?? current.Int("spec.terminationGracePeriodSeconds") ?? 30));
        }
        return FinishDeletion(type, key, current, options.PropagationPolicy);
    }

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

    private JsonObject MarkForDeletion(ResourceType type, ObjectKey key, long? grace) =>
        Store.Update(type, key, current =>
        {
            if (current["metadata"]?["deletionTimestamp"] is not null)
            {
                return current;
            }
            var next = current.DeepClone().AsObject();
            next.Meta()["deletionTimestamp"] = Clock.GetUtcNow().Timestamp();
            next.Meta()["deletionGracePeriodSeconds"] = grace ?? 0;
            if (type.Kind == "Namespace")
            {
                next.Ensure("status")["phase"] = "Terminating";
            }
            return next;
        });

    private JsonObject FinishDeletion(ResourceType type, ObjectKey key, JsonObject current, string? propagation = null)
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
            return WithServedVersion(type, current);
        }
        if (propagation != "Orphan")
        {
            CollectDependents(uid);
        }
        foreach (var plugin in _admission)
        {
            plugin.Deleted(this, type, deleted);
        }
        return WithServedVersion(type, deleted);
    }

    /// <summary>The garbage collector's cascade: everything owned by the deleted object goes too.</summary>
    private void CollectDependents(string ownerUid)
    {
        foreach (var dependent in Store.Dependents(ownerUid))
        {
            var type = Catalog.All.FirstOrDefault(t => t.StorageKey == dependent.StorageKey);
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
            var type = Catalog.All.FirstOrDefault(t => t.StorageKey == dependent.StorageKey);
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

    private bool IsReadyForRemoval(JsonObject obj) =>
        obj["metadata"]?["deletionTimestamp"] is not null
        && (obj["metadata"]?["finalizers"] is not JsonArray f || f.Count == 0)
        && !(KubeletFinishesPodDeletion && obj["kind"]?.ToString() == "Pod" && obj.Str("spec.nodeName") is { Length: > 0 });

    private JsonObject FinishDeletion(ResourceType type, ObjectKey key, JsonObject current) =>
        FinishDeletion(type, key, current, null);

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

    private JsonObject Merge(ResourceType type, JsonObject current, JsonObject input, string? subresource)
    {
        JsonObject next;
        if (subresource == "status")
        {
            next = current.DeepClone().AsObject();
            next["status"] = input["status"]?.DeepClone();
            return next;
        }
        next = input.DeepClone().AsObject();
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        var meta = next.Meta();
        var old = current["metadata"]!.AsObject();
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (old[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
            else
            {
                meta.Remove(field);
            }
        }
        meta.Remove("resourceVersion");
        if (type.Subresources.Contains("status"))
        {
            next["status"] = current["status"]?.DeepClone();
            if (next["status"] is null)
            {
                next.Remove("status");
            }
        }
        if (TracksGeneration(type) && !JsonNode.DeepEquals(SpecOf(next), SpecOf(current)))
        {
            meta["generation"] = (current.Int("metadata.generation") ?? 0) + 1;
        }
        return next;
    }

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

    private static JsonNode? SpecOf(JsonObject obj)
    {
        // Custom resources and kinds without a spec count every field but metadata and status as their spec.
        if (obj["spec"] is { } spec)
        {
            return spec;
        }
        var rest = new JsonObject();
        foreach (var (k, v) in obj)
        {
            if (k is not ("metadata" or "status" or "apiVersion" or "kind"))
            {
                rest[k] = v?.DeepClone();
            }
        }
        return rest;
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

    private static bool TracksGeneration(ResourceType type) =>
        type.IsCustom || type.Group is "apps" or "batch" or "autoscaling" or "policy" or "networking.k8s.io"
            or "apiextensions.k8s.io" or "admissionregistration.k8s.io" or "flowcontrol.apiserver.k8s.io";

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
    private static JsonObject WithServedVersion(ResourceType type, JsonObject obj)
    {
        if (obj["apiVersion"]?.ToString() == type.ApiVersion)
        {
            return obj;
        }
        var copy = obj.DeepClone().AsObject();
        copy["apiVersion"] = type.ApiVersion;
        return copy;
    }

    private static string RandomSuffix()
    {
        Span<char> chars = stackalloc char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = GenerateNameAlphabet[RandomNumberGenerator.GetInt32(GenerateNameAlphabet.Length)];
        }
        return new string(chars);
    }

    /// <summary>Opaque list continuation: the resourceVersion of the first page and the last key returned.</summary>
    private static class ContinueToken
    {
        public static string Encode(long rv, string lastPath) =>
            Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["rv"] = rv, ["start"] = lastPath }))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static string Decode(string token)
        {
            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
                return json?["start"]?.ToString() ?? throw new FormatException();
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                throw ApiException.BadRequest("continue key is not valid: the continue parameter must come from a previous list response");
            }
        }
    }
}
