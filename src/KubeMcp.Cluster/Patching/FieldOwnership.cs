using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>A field another manager owns that a write would change.</summary>
internal sealed record FieldConflict(string Manager, IReadOnlyList<PathElement> Path);

/// <summary>
/// structured-merge-diff's updater: who owns which fields after a write, which writes conflict, and which fields an
/// applier's new configuration drops from the object.
/// </summary>
/// <param name="Schema">The schema of the kind.</param>
/// <param name="Ignore">Filters out fields the write may not own (status on the main resource, say).</param>
internal sealed record FieldOwnership(TypeSchema Schema, Func<FieldSet, FieldSet> Ignore)
{
    /// <summary>
    /// Accounts for a write from <paramref name="live"/> to <paramref name="updated"/> by <paramref name="writer"/>:
    /// fields it changes are taken from every other manager (only with <paramref name="force"/> when others own
    /// them), and removed fields are removed from everyone.
    /// </summary>
    /// <returns>The conflicts; when any are returned (only without force) nothing was changed.</returns>
    public List<FieldConflict> Reconcile(JsonNode live, JsonNode updated, Dictionary<string, ManagedFieldsEntry> managers,
        string writer, bool force, out Comparison comparison)
    {
        comparison = ObjectFields.Compare(live, updated, Schema).Filter(Ignore);
        var changed = comparison.Modified.Union(comparison.Added);
        var conflicts = new Dictionary<string, FieldSet>(StringComparer.Ordinal);
        foreach (var (id, entry) in managers)
        {
            var taken = entry.Fields.Intersection(changed);
            if (id != writer && !taken.IsEmpty)
            {
                conflicts[id] = taken;
            }
        }
        if (!force && conflicts.Count > 0)
        {
            return conflicts.OrderBy(c => c.Key, StringComparer.Ordinal)
                .SelectMany(c => c.Value.Paths().Select(p => new FieldConflict(c.Key, p)))
                .ToList();
        }
        foreach (var (id, taken) in conflicts)
        {
            managers[id] = managers[id] with { Fields = managers[id].Fields.Difference(taken) };
        }
        if (!comparison.Removed.IsEmpty)
        {
            foreach (var id in managers.Keys.Where(id => id != writer).ToList())
            {
                managers[id] = managers[id] with { Fields = managers[id].Fields.Difference(comparison.Removed) };
            }
        }
        foreach (var id in managers.Where(m => m.Value.Fields.IsEmpty).Select(m => m.Key).ToList())
        {
            managers.Remove(id);
        }
        return [];
    }

    /// <summary>
    /// Merges <paramref name="config"/> into <paramref name="live"/> on behalf of <paramref name="applier"/>, makes the
    /// configuration's fields the applier's, prunes fields the applier set before but no longer sets and nobody else
    /// owns, and reconciles the other managers. <paramref name="managers"/> is only changed on success.
    /// </summary>
    public (JsonObject Result, List<FieldConflict> Conflicts) Apply(JsonObject live, JsonObject config,
        Dictionary<string, ManagedFieldsEntry> managers, ManagedFieldsEntry applier, bool force)
    {
        var owners = new Dictionary<string, ManagedFieldsEntry>(managers, StringComparer.Ordinal);
        var merged = (JsonObject)StructuredMerge.Merge(live, config, Schema)!;
        var id = applier.Identity;
        var last = owners.GetValueOrDefault(id)?.Fields;
        owners[id] = applier with { Fields = Ignore(ObjectFields.ToFieldSet(config, Schema)) };
        merged = Prune(merged, owners, last);
        var conflicts = Reconcile(live, merged, owners, id, force, out _);
        if (conflicts.Count > 0)
        {
            return (merged, conflicts);
        }
        managers.Clear();
        foreach (var (key, entry) in owners)
        {
            managers[key] = entry;
        }
        return (merged, conflicts);
    }

    /// <summary>
    /// Removes what the applier owned last time (<paramref name="last"/>), no longer applies and no manager owns,
    /// with structured-merge-diff's set arithmetic (named struct fields count as members so that emptied structs go).
    /// </summary>
    private JsonObject Prune(JsonObject merged, Dictionary<string, ManagedFieldsEntry> owners, FieldSet? last)
    {
        if (last is null || last.IsEmpty)
        {
            return merged;
        }
        FieldSet Named(FieldSet set) => set.EnsureNamedFieldsAreMembers(Schema);
        FieldSet FieldsOf(JsonNode? value) => Named(ObjectFields.ToFieldSet(value, Schema));

        var lastNamed = Named(last);
        var managed = Named(owners.Values.Aggregate(new FieldSet(), (all, e) => all.Union(e.Fields)));
        var mergedFields = FieldsOf(merged);
        var withoutLast = ObjectFields.RemoveItems(merged, lastNamed, Schema);
        var ownedBack = ObjectFields.RemoveItems(merged, mergedFields.Difference(FieldsOf(withoutLast).Union(managed)), Schema);
        var dropped = mergedFields.Difference(FieldsOf(ownedBack)).Intersection(lastNamed);
        return (JsonObject)ObjectFields.RemoveItems(merged, dropped, Schema)!;
    }
}
