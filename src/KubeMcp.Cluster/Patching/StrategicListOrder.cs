using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// How strategic merge patch orders a merged list, reproducing apimachinery: the items the patch (or a
/// <c>$setElementOrder</c> list) names keep that order, and the server-only items are interleaved by their place in
/// the server's list. "kind" is <c>map</c> for lists of objects (compared by merge key), else the scalar type.
/// </summary>
internal static class StrategicListOrder
{
    /// <summary>
    /// The server's ordering of a merged list: items named by the order list (or the patch) keep that relative
    /// order and are interleaved with the server-only items by their positions in <paramref name="serverOrder"/>.
    /// </summary>
    public static List<JsonNode?> NormalizeOrder(List<JsonNode?> fromPatch, List<JsonNode?> serverOnly,
        List<JsonNode?> patchOrder, List<JsonNode?> serverOrder, string mergeKey, string kind)
    {
        fromPatch = SortByOrder(fromPatch, patchOrder, mergeKey, kind);
        serverOnly = SortByOrder(serverOnly, serverOrder, mergeKey, kind);
        var result = new List<JsonNode?>(fromPatch.Count + serverOnly.Count);
        int i = 0, j = 0;
        while (i < serverOnly.Count || j < fromPatch.Count)
        {
            if (i >= serverOnly.Count)
            {
                result.Add(fromPatch[j++]);
            }
            else if (j >= fromPatch.Count)
            {
                result.Add(serverOnly[i++]);
            }
            else
            {
                var li = IndexOf(serverOrder, serverOnly[i], mergeKey, kind);
                var ri = IndexOf(serverOrder, fromPatch[j], mergeKey, kind);
                result.Add(li >= 0 && ri >= 0 && li < ri ? serverOnly[i++] : fromPatch[j++]);
            }
        }
        return result;
    }

    /// <summary>Go's stable insertion sort with the library's comparison, which puts unordered items first.</summary>
    private static List<JsonNode?> SortByOrder(List<JsonNode?> items, List<JsonNode?> order, string mergeKey, string kind)
    {
        var sorted = new List<JsonNode?>(items);
        var deletions = new List<JsonNode?>();
        if (kind == "map")
        {
            foreach (var item in sorted.Concat(order))
            {
                if (item is not JsonObject map)
                {
                    throw StrategicMergePatch.BadArgType("map[string]interface {}", item);
                }
                if (!map.ContainsKey(mergeKey))
                {
                    throw StrategicMergePatch.NoMergeKey(map, mergeKey);
                }
            }
            deletions = sorted.Where(v => v is JsonObject m && StrategicMergePatch.DirectiveName(m[StrategicMergePatch.Directive]) == "delete").ToList();
            sorted = sorted.Except(deletions).ToList();
        }
        bool Less(JsonNode? a, JsonNode? b)
        {
            var ia = IndexOf(order, a, mergeKey, kind);
            var ib = IndexOf(order, b, mergeKey, kind);
            return ia < 0 || ib < 0 || ia < ib;
        }
        for (var i = 1; i < sorted.Count; i++)
        {
            for (var j = i; j > 0 && Less(sorted[j], sorted[j - 1]); j--)
            {
                (sorted[j], sorted[j - 1]) = (sorted[j - 1], sorted[j]);
            }
        }
        sorted.AddRange(deletions);
        return sorted;
    }

    public static (List<JsonNode?> InList, List<JsonNode?> Others) Partition(
        List<JsonNode?> items, IEnumerable<JsonNode?> by, string mergeKey, string kind)
    {
        var byList = by.ToList();
        var inList = new List<JsonNode?>();
        var rest = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (kind == "map")
            {
                if (item is not JsonObject map)
                {
                    throw StrategicMergePatch.BadArgType("map[string]interface {}", item);
                }
                if (!map.ContainsKey(mergeKey))
                {
                    throw StrategicMergePatch.NoMergeKey(map, mergeKey);
                }
            }
            (IndexOf(byList, item, mergeKey, kind) >= 0 ? inList : rest).Add(item);
        }
        return (inList, rest);
    }

    private static int IndexOf(List<JsonNode?> list, JsonNode? value, string mergeKey, string kind)
    {
        var wanted = kind == "map" ? KeyOf(value, mergeKey) : value;
        for (var i = 0; i < list.Count; i++)
        {
            if (JsonValues.DeepEquals(kind == "map" ? KeyOf(list[i], mergeKey) : list[i], wanted))
            {
                return i;
            }
        }
        return -1;
    }

    private static JsonNode? KeyOf(JsonNode? item, string mergeKey) =>
        item is JsonObject map && map.TryGetPropertyValue(mergeKey, out var v) ? v : null;
}
