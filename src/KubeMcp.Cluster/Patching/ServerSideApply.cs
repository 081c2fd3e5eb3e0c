using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Server-side apply and field management (<c>metadata.managedFields</c>) as the API server's field manager does
/// them: <see cref="Apply"/> for <c>application/apply-patch+yaml</c> writes and <see cref="RecordUpdate"/> for every
/// other write (create, update, JSON/merge/strategic patch), so that appliers and updaters see each other's fields.
/// </summary>
internal static class ServerSideApply
{
    /// <summary>The annotation kubectl's client-side apply keeps its last configuration in.</summary>
    public const string LastAppliedAnnotation = LastAppliedConfiguration.Key;

    private const string CurrentOperation = "current-operation";
    private const string BeforeFirstApply = "before-first-apply";

    private static readonly FieldSet StripSet = BuildStripSet();

    /// <summary>
    /// Applies <paramref name="applied"/> for <paramref name="fieldManager"/> and returns the merged object with its
    /// managed fields. A null <paramref name="live"/> means the object does not exist yet: the result is the object
    /// to create (the caller stores it and sets system fields).
    /// </summary>
    /// <param name="live">The stored object, or null.</param>
    /// <param name="applied">The applied configuration, in the request's API version.</param>
    /// <param name="fieldManager">The applier, e.g. <c>kubectl</c> for <c>kubectl apply --server-side</c>.</param>
    /// <param name="force">Take fields other managers own instead of failing with a conflict.</param>
    /// <param name="now">The time recorded in the applier's entry.</param>
    /// <param name="subresource">The subresource written through (<c>status</c>), or null for the main resource.</param>
    /// <param name="schema">The kind's schema; null to use the built-in table (custom kinds are deduced).</param>
    /// <exception cref="ApiException">
    /// 409 Conflict with one cause per conflicting field; 400 for an applied object of another kind or with
    /// managedFields; 422 without a field manager; 500 for list items without their keys or with duplicate keys.
    /// </exception>
    public static JsonObject Apply(JsonObject? live, JsonObject applied, string fieldManager, bool force,
        DateTimeOffset now, string? subresource = null, TypeSchema? schema = null)
    {
        if (string.IsNullOrEmpty(fieldManager))
        {
            throw MissingFieldManager();
        }
        var apiVersion = Text(applied, "apiVersion");
        var kind = Text(applied, "kind");
        var expected = live is null ? (apiVersion, kind) : (Text(live, "apiVersion"), Text(live, "kind"));
        if (apiVersion.Length == 0 || kind.Length == 0 || (apiVersion, kind) != expected)
        {
            throw PatchErrors.BadRequest($"invalid object type: {GroupVersionKind(apiVersion, kind)}");
        }
        if (applied["metadata"] is JsonObject appliedMeta && appliedMeta["managedFields"] is not null)
        {
            throw PatchErrors.BadRequest("metadata.managedFields must be nil");
        }
        schema ??= BuiltinSchemas.ForKind(apiVersion, kind);
        Dictionary<string, ManagedFieldsEntry> managers;
        try
        {
            managers = ManagedFields.Decode(live);
        }
        catch (FormatException e)
        {
            throw PatchErrors.Unclassified($"failed to decode managed fields: {e.Message}");
        }
        var config = ManagedFields.Without(applied);
        var errors = ObjectFields.Validate(config, schema);
        if (errors.Count > 0)
        {
            throw PatchErrors.Unclassified(
                $"failed to create typed patch object ({Describe(config, apiVersion, kind)}): {JoinErrors(errors)}");
        }

        var liveObject = live is null ? [] : ManagedFields.Without(live);
        if (managers.Count == 0 && live is not null)
        {
            // Fields of an object nobody tracked yet belong to a stand-in, so that applying over them conflicts.
            TrackUpdate(schema.Skeleton(), liveObject, managers, BeforeFirstApply, ManagedFieldsEntry.UpdateOperation,
                apiVersion, subresource, now, schema);
        }
        var ownership = new FieldOwnership(schema, IgnoreFilter(subresource));
        var previous = managers.GetValueOrDefault(
            ManagedFieldsEntry.BuildIdentity(fieldManager, ManagedFieldsEntry.ApplyOperation, apiVersion, subresource));
        var applier = new ManagedFieldsEntry(fieldManager, ManagedFieldsEntry.ApplyOperation, apiVersion, subresource,
            previous?.Time, new FieldSet());
        var (result, conflicts) = ownership.Apply(liveObject, config, managers, applier, force);
        if (conflicts.Count > 0 && fieldManager == "kubectl")
        {
            // kubectl apply --server-side may take over what its client-side apply set, as recorded in the annotation.
            var allowed = LastAppliedConfiguration.AllowedConflicts(liveObject, apiVersion, schema);
            if (allowed is not null)
            {
                conflicts = conflicts.Where(c => !allowed.Has(c.Path)).ToList();
                if (conflicts.Count == 0)
                {
                    (result, conflicts) = ownership.Apply(liveObject, config, managers, applier, force: true);
                }
            }
        }
        if (conflicts.Count > 0)
        {
            throw ConflictError(conflicts, managers);
        }

        var id = applier.Identity;
        var changed = !JsonValues.DeepEquals(liveObject, result);
        if (managers.TryGetValue(id, out var entry))
        {
            var fields = entry.Fields.Difference(StripSet);
            if (fields.IsEmpty)
            {
                managers.Remove(id);
            }
            else
            {
                managers[id] = entry with
                {
                    Fields = fields,
                    Time = changed || entry.Time is null ? ManagedFieldsEntry.FormatTime(now) : entry.Time,
                };
            }
        }
        if (fieldManager == "kubectl" && LastAppliedConfiguration.Annotation(result, LastAppliedAnnotation) is { Length: > 0 })
        {
            LastAppliedConfiguration.SetAnnotation(result, LastAppliedAnnotation, LastAppliedConfiguration.Encode(applied));
        }
        ManagedFields.Store(result, managers.Values);
        return result;
    }

    /// <summary>
    /// Records a non-apply write in <paramref name="updated"/>'s managed fields: the fields the write added or changed
    /// become <paramref name="fieldManager"/>'s and are taken from every other manager; removed fields are dropped
    /// from all. <paramref name="updated"/> is the object about to be stored and is modified in place.
    /// </summary>
    /// <param name="old">The stored object, or null for a create.</param>
    /// <param name="updated">The object about to be stored; its managedFields are replaced.</param>
    /// <param name="fieldManager">The writer (the request's fieldManager, or <see cref="ManagerFromUserAgent"/>).</param>
    /// <param name="operation"><c>Update</c> (or <c>Apply</c>).</param>
    /// <param name="now">The time recorded when the writer's entry changes.</param>
    /// <param name="subresource">The subresource written through (<c>status</c>, <c>scale</c>), or null.</param>
    /// <param name="schema">The kind's schema; null to use the built-in table.</param>
    public static void RecordUpdate(JsonObject? old, JsonObject updated, string? fieldManager, string operation,
        DateTimeOffset now, string? subresource = null, TypeSchema? schema = null)
    {
        if (operation is not (ManagedFieldsEntry.UpdateOperation or ManagedFieldsEntry.ApplyOperation))
        {
            throw new ArgumentException("operation must be `Apply` or `Update`", nameof(operation));
        }
        var apiVersion = Text(updated, "apiVersion");
        if (apiVersion.Length == 0)
        {
            throw new ArgumentException("the updated object must carry its apiVersion", nameof(updated));
        }
        schema ??= BuiltinSchemas.ForKind(apiVersion, Text(updated, "kind"));
        var managers = ManagersForUpdate(old, updated, subresource);
        (updated["metadata"] as JsonObject)?.Remove("managedFields");
        if (managers.Count == 0 && old?["metadata"]?["uid"] is not null)
        {
            // The server does not start tracking an existing object on update; its first apply does.
            return;
        }
        var liveObject = old is null ? schema.Skeleton() : ManagedFields.Without(old);
        TrackUpdate(liveObject, ManagedFields.Without(updated), managers,
            string.IsNullOrEmpty(fieldManager) ? "unknown" : fieldManager, operation, apiVersion, subresource, now, schema);
        ManagedFields.Store(updated, managers.Values);
    }

    /// <summary>
    /// The bookkeeping of a non-apply write: fields added or changed become <paramref name="manager"/>'s (merged into
    /// its entry, stamped <paramref name="now"/>) and leave every other manager; removed fields leave everyone.
    /// </summary>
    private static void TrackUpdate(JsonObject liveObject, JsonObject newObject, Dictionary<string, ManagedFieldsEntry> managers,
        string manager, string operation, string apiVersion, string? subresource, DateTimeOffset now, TypeSchema schema)
    {
        var ownership = new FieldOwnership(schema, IgnoreFilter(subresource));
        ownership.Reconcile(liveObject, newObject, managers, CurrentOperation, force: true, out var comparison);
        var written = ownership.Ignore(comparison.Modified.Union(comparison.Added)).Difference(StripSet);
        if (!written.IsEmpty)
        {
            var id = ManagedFieldsEntry.BuildIdentity(manager, operation, apiVersion, subresource);
            var fields = managers.TryGetValue(id, out var previous) ? previous.Fields.Union(written) : written;
            managers[id] = new ManagedFieldsEntry(manager, operation, apiVersion, subresource,
                ManagedFieldsEntry.FormatTime(now), fields);
        }
        ManagedFields.CapUpdateManagers(managers);
    }

    /// <summary>
    /// The field manager the server derives from a User-Agent when a request names none: the part before the first
    /// slash (<c>kubectl/v1.32.0 (linux/amd64)</c> gives <c>kubectl</c>), printable characters only, at most 128.
    /// </summary>
    public static string ManagerFromUserAgent(string? userAgent)
    {
        var prefix = (userAgent ?? "").Split('/')[0];
        var builder = new StringBuilder();
        foreach (var rune in prefix.EnumerateRunes())
        {
            if (builder.Length >= 128)
            {
                break;
            }
            if (!Rune.IsControl(rune))
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The managed fields a write starts from: a subresource write keeps the stored ones; a main-resource write may
    /// carry its own (or reset them with an empty list), and otherwise keeps the stored ones.
    /// </summary>
    private static Dictionary<string, ManagedFieldsEntry> ManagersForUpdate(JsonObject? old, JsonObject updated, string? subresource)
    {
        if (subresource is null)
        {
            if (ManagedFields.IsReset(updated))
            {
                return new(StringComparer.Ordinal);
            }
            try
            {
                var own = ManagedFields.Decode(updated);
                if (own.Count > 0)
                {
                    return own;
                }
            }
            catch (FormatException)
            {
                // Clients that mangle managedFields must not lose the stored ones.
            }
        }
        try
        {
            return ManagedFields.Decode(old);
        }
        catch (FormatException)
        {
            return new(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The main resource never owns status (its writes reset it); a status write owns nothing but status.
    /// </summary>
    private static Func<FieldSet, FieldSet> IgnoreFilter(string? subresource)
    {
        if (subresource == "status")
        {
            return set => set.OnlyField("status");
        }
        var status = new FieldSet();
        status.Insert([PathElement.Field("status")]);
        return set => set.RecursiveDifference(status);
    }

    private static ApiException ConflictError(List<FieldConflict> conflicts, Dictionary<string, ManagedFieldsEntry> managers)
    {
        string Who(string id) => managers.TryGetValue(id, out var e) ? e.Describe() : JsonSerializer.Serialize(id);
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {Who(conflicts[0].Manager)}: {PathElement.Format(conflicts[0].Path)}";
        }
        else
        {
            var lines = conflicts.GroupBy(c => c.Manager).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(c => $"- {PathElement.Format(c.Path)}").Prepend($"conflicts with {Who(g.Key)}:"));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
        }
        return PatchErrors.ApplyConflict(message,
            conflicts.Select(c => (PathElement.Format(c.Path), $"conflict with {Who(c.Manager)}")));
    }

    private static ApiException MissingFieldManager()
    {
        var details = new JsonObject
        {
            ["name"] = "",
            ["group"] = "meta.k8s.io",
            ["kind"] = "PatchOptions",
            ["causes"] = new JsonArray(new JsonObject
            {
                ["reason"] = "FieldValueRequired",
                ["message"] = "Required value: is required for apply patch",
                ["field"] = "fieldManager",
            }),
        };
        return new ApiException(422, "Invalid",
            "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch", details);
    }

    private static FieldSet BuildStripSet()
    {
        var set = new FieldSet();
        set.Insert([PathElement.Field("apiVersion")]);
        set.Insert([PathElement.Field("kind")]);
        set.Insert([PathElement.Field("metadata")]);
        foreach (var field in new[] { "name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName",
                     "generation", "managedFields", "resourceVersion" })
        {
            set.Insert([PathElement.Field("metadata"), PathElement.Field(field)]);
        }
        return set;
    }

    /// <summary>Go's <c>GroupVersionKind.String()</c>: <c>apps/v1, Kind=Deployment</c>, <c>/v1, Kind=Pod</c>.</summary>
    private static string GroupVersionKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/');
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return $"{group}/{version}, Kind={kind}";
    }

    private static string Describe(JsonObject obj, string apiVersion, string kind)
    {
        var ns = obj["metadata"]?["namespace"] is JsonValue n ? n.ToString() : "";
        var name = obj["metadata"]?["name"] is JsonValue v ? v.ToString() : "";
        return $"{ns}/{name}; {GroupVersionKind(apiVersion, kind)}";
    }

    private static string JoinErrors(List<string> errors) =>
        errors.Count == 1 ? errors[0] : "errors:\n" + string.Join("\n", errors.Select(e => "  " + e));

    private static string Text(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";
}

