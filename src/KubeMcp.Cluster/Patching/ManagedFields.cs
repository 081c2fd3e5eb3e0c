using System.Text.Json.Nodes;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Patching;

/// <summary>Reading, writing and housekeeping of <c>metadata.managedFields</c>.</summary>
internal static class ManagedFields
{
    /// <summary>How many Update entries an object keeps before the oldest are folded into <c>ancient-changes</c>.</summary>
    public const int MaxUpdateManagers = 10;

    private const string AncientChanges = "ancient-changes";

    /// <summary>The entries of an object by identity; a later duplicate wins, as it does in the server's map.</summary>
    /// <exception cref="FormatException">An entry is invalid.</exception>
    public static Dictionary<string, ManagedFieldsEntry> Decode(JsonObject? obj)
    {
        var managers = new Dictionary<string, ManagedFieldsEntry>(StringComparer.Ordinal);
        if (Entries(obj) is not JsonArray entries)
        {
            return managers;
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = ManagedFieldsEntry.FromJson(entries[i], i);
            managers[entry.Identity] = entry;
        }
        return managers;
    }

    /// <summary>
    /// True when a write asks to clear the managed fields: an empty list, or a list of one empty entry.
    /// </summary>
    public static bool IsReset(JsonObject obj) => Entries(obj) switch
    {
        JsonArray { Count: 0 } => true,
        JsonArray { Count: 1 } list => list[0] is JsonObject { Count: 0 },
        _ => false,
    };

    /// <summary>
    /// <c>metadata.managedFields</c> as nodes; a stored object keeps them as text (<see cref="RawJson"/>), parsed here
    /// for each reader.
    /// </summary>
    public static JsonNode? Entries(JsonObject? obj) => RawJson.Expand(obj?["metadata"]?["managedFields"]);

    /// <summary>Writes the entries in the server's order (operation, time, manager, version, subresource).</summary>
    public static void Store(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var sorted = entries
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Seconds)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal)
            .Select(e => (JsonNode)e.ToJson())
            .ToArray();
        if (obj["metadata"] is not JsonObject metadata)
        {
            if (sorted.Length == 0)
            {
                return;
            }
            obj["metadata"] = metadata = [];
        }
        if (sorted.Length == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = new JsonArray(sorted);
        }
    }

    /// <summary>A copy of the object without <c>metadata.managedFields</c>, which never takes part in diffing.</summary>
    public static JsonObject Without(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    /// <summary>
    /// Folds the oldest Update entries into one <c>ancient-changes</c> entry per API version until at most
    /// <see cref="MaxUpdateManagers"/> remain, as the server does to bound the list.
    /// </summary>
    public static void CapUpdateManagers(Dictionary<string, ManagedFieldsEntry> managers)
    {
        var updaters = managers.Values.Where(e => e.Operation != ManagedFieldsEntry.ApplyOperation)
            .OrderBy(e => e.Seconds).ThenBy(e => e.Identity, StringComparer.Ordinal).ToList();
        var count = updaters.Count;
        var firstByVersion = new Dictionary<string, ManagedFieldsEntry>(StringComparer.Ordinal);
        for (var i = 0; i < updaters.Count && count > MaxUpdateManagers; i++)
        {
            var entry = updaters[i];
            if (!firstByVersion.TryGetValue(entry.ApiVersion, out var first))
            {
                firstByVersion[entry.ApiVersion] = entry;
                continue;
            }
            var bucketId = ManagedFieldsEntry.BuildIdentity(AncientChanges, ManagedFieldsEntry.UpdateOperation, entry.ApiVersion, null);
            if (!managers.TryGetValue(bucketId, out var bucket))
            {
                managers.Remove(first.Identity);
                bucket = first with { Manager = AncientChanges, Subresource = null };
            }
            managers.Remove(entry.Identity);
            managers[bucketId] = bucket with { Fields = entry.Fields.Union(bucket.Fields), Time = entry.Time };
            count--;
        }
    }
}
