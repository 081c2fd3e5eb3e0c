using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>Identity and merging of the items of associative lists (keyed lists and sets) for server-side apply.</summary>
internal static class ListItems
{
    /// <summary>
    /// The path element naming <paramref name="item"/> in a list of the given schema: its key fields for a keyed
    /// list (falling back to the schema's defaults), its value for a set. Null with the library's error otherwise.
    /// </summary>
    public static PathElement? ElementOf(TypeSchema list, JsonNode? item, out string? error)
    {
        error = null;
        if (list.ListType == ListType.Map)
        {
            if (item is null)
            {
                error = "associative list with keys may not have a null element";
                return null;
            }
            if (item is not JsonObject map)
            {
                error = "associative list with keys may not have non-map elements";
                return null;
            }
            var keys = new List<KeyValuePair<string, JsonNode?>>();
            foreach (var key in list.ListKeys)
            {
                if (map.TryGetPropertyValue(key, out var value))
                {
                    keys.Add(KeyValuePair.Create(key, value));
                }
                else if (list.KeyDefaults.TryGetValue(key, out var fallback))
                {
                    keys.Add(KeyValuePair.Create(key, (JsonNode?)fallback));
                }
                else
                {
                    error = $"associative list with keys has an element that omits key field \"{key}\" (and doesn't have default value)";
                    return null;
                }
            }
            return PathElement.Key(keys);
        }
        switch (item)
        {
            case JsonObject:
                error = "associative list without keys has an element that's a map type";
                return null;
            case JsonArray:
                error = "not supported: associative list with lists as elements";
                return null;
            case null:
                error = "associative list without keys has an element that's an explicit null";
                return null;
            default:
                return PathElement.OfValue(item);
        }
    }

    /// <summary>
    /// Merges an applied list into a live one: items are matched by key and merged; live-only items keep their place,
    /// and the applied items keep the applied order, as structured-merge-diff interleaves them.
    /// </summary>
    public static JsonArray Merge(JsonArray lhs, JsonArray rhs, TypeSchema schema, Func<JsonNode?, JsonNode?, TypeSchema, JsonNode?> mergeItem)
    {
        var (lhsElements, observedLhs) = Index(lhs, schema, synthesize: true);
        var (rhsElements, observedRhs) = Index(rhs, schema, synthesize: false);
        var shared = new Queue<PathElement>(rhsElements.Where(observedLhs.ContainsKey));
        var nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var mergedRhs = new HashSet<PathElement>();
        var output = new JsonArray();

        void AdvanceShared(PathElement merged)
        {
            if (nextShared is not null && nextShared.Equals(merged))
            {
                nextShared = shared.Count > 0 ? shared.Dequeue() : null;
            }
        }

        int l = 0, r = 0;
        while (l < lhsElements.Count || r < rhsElements.Count)
        {
            if (l < lhsElements.Count && r < rhsElements.Count)
            {
                var element = lhsElements[l];
                if (element.Equals(rhsElements[r]))
                {
                    mergedRhs.Add(element);
                    output.Add(mergeItem(observedLhs[element], observedRhs[element], schema.Item));
                    l++;
                    r++;
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                    continue;
                }
                if (observedRhs.ContainsKey(element) && nextShared is not null && !nextShared.Equals(element))
                {
                    // A shared item, but not the one the applied order wants next.
                    l++;
                    continue;
                }
            }
            if (l < lhsElements.Count)
            {
                var element = lhsElements[l];
                if (!observedRhs.ContainsKey(element))
                {
                    output.Add(lhs[l]?.DeepClone());
                    l++;
                    continue;
                }
                if (mergedRhs.Contains(element))
                {
                    l++;
                }
            }
            if (r < rhsElements.Count)
            {
                var element = rhsElements[r];
                mergedRhs.Add(element);
                output.Add(mergeItem(observedLhs.GetValueOrDefault(element), observedRhs[element], schema.Item));
                r++;
                AdvanceShared(element);
            }
        }
        return output;
    }

    /// <summary>
    /// Elements of the list in order, and the item each names. Duplicated elements of the live list name nothing
    /// (the applied item then wins); unkeyable live items get positional elements so they are carried over.
    /// </summary>
    private static (List<PathElement> Elements, Dictionary<PathElement, JsonNode?> Observed) Index(
        JsonArray list, TypeSchema schema, bool synthesize)
    {
        var elements = new List<PathElement>(list.Count);
        var observed = new Dictionary<PathElement, JsonNode?>();
        for (var i = 0; i < list.Count; i++)
        {
            var element = ElementOf(schema, list[i], out _) ?? (synthesize ? PathElement.OfIndex(i) : null);
            if (element is null)
            {
                continue;
            }
            observed[element] = observed.ContainsKey(element) ? null : list[i];
            elements.Add(element);
        }
        return (elements, observed);
    }
}
