using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Kubernetes strategic merge patch (<c>application/strategic-merge-patch+json</c>), what kubectl's client-side
/// apply, <c>kubectl patch</c> and <c>kubectl edit</c> send. Lists with a merge key merge item by item, lists of
/// scalars with the merge strategy merge as sets, other lists are replaced; a null deletes a key; and the directives
/// <c>$patch</c> (replace, delete), <c>$deleteFromPrimitiveList/&lt;field&gt;</c>, <c>$setElementOrder/&lt;field&gt;</c>
/// and <c>$retainKeys</c> are honoured, with the ordering rules and error texts of k8s.io/apimachinery.
/// </summary>
internal static class StrategicMergePatch
{
    internal const string Directive = "$patch";
    private const string RetainKeys = "$retainKeys";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList";
    private const string SetElementOrder = "$setElementOrder";

    /// <summary>
    /// True for the kinds the server can strategic-merge: the built-in ones. Custom resources have no Go struct tags
    /// to merge by; the server then answers 415 (see <see cref="UnsupportedMediaType"/>).
    /// </summary>
    public static bool IsSupported(string apiVersion, string kind) => BuiltinSchemas.IsBuiltin(apiVersion, kind);

    /// <summary>The 415 the server answers a strategic merge patch of a custom resource with.</summary>
    public static ApiException UnsupportedMediaType() => new(415, "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
        + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");

    /// <summary>Applies <paramref name="patch"/> to a copy of <paramref name="original"/>.</summary>
    /// <exception cref="ApiException">
    /// 415 for kinds without strategic merge support; 400 for a body that is not an object or a malformed directive;
    /// 422 for lists of lists; 500 (no reason, as the real server) for items without their merge key and other
    /// patches the algorithm cannot interpret.
    /// </exception>
    public static JsonObject Apply(JsonObject original, JsonNode? patch, string apiVersion, string kind)
    {
        if (!IsSupported(apiVersion, kind))
        {
            throw UnsupportedMediaType();
        }
        if (patch is not null and not JsonObject)
        {
            throw PatchErrors.BadRequest(
                $"json: cannot unmarshal {(patch is JsonArray ? "array" : patch.GetValueKind().ToString().ToLowerInvariant())} into Go value of type map[string]interface {{}}");
        }
        var schema = BuiltinSchemas.ForKind(apiVersion, kind);
        var result = (JsonObject)original.DeepClone();
        if (patch is null)
        {
            return result;
        }
        var merged = MergeMap(result, (JsonObject)patch.DeepClone(), schema);
        // Decoding into the typed object drops what the patch left behind that is no field ($-prefixed markers).
        StripMarkers(merged);
        return merged;
    }

    private static JsonObject MergeMap(JsonObject? original, JsonObject patch, TypeSchema schema)
    {
        if (patch.TryGetPropertyValue(Directive, out var directive))
        {
            return DirectiveOnMap(directive, patch);
        }
        original ??= [];
        ApplyRetainKeys(original, patch);
        MergeOrderedLists(original, patch, schema);

        // Go iterates the patch in random order; deletion lists go first so that the outcome does not depend on it.
        var entries = patch.OrderBy(p => p.Key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) ? 0 : 1)
            .Select(p => (p.Key, Value: p.Value?.DeepClone())).ToList();
        foreach (var (patchKey, patchValue) in entries)
        {
            var key = patchKey;
            var isDeleteList = false;
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal))
            {
                key = ExtractKey(key, DeleteFromPrimitiveList);
                isDeleteList = true;
            }
            if (patchValue is null)
            {
                original.Remove(key);
                continue;
            }
            if (!original.TryGetPropertyValue(key, out var originalValue) || !SameGoType(originalValue, patchValue))
            {
                if (!isDeleteList)
                {
                    DiscardNulls(patchValue);
                    SetOrRemove(original, key, RemoveDirectives(patchValue));
                }
                continue;
            }
            var field = schema.Field(key);
            switch (originalValue)
            {
                case JsonObject originalMap:
                    original[key] = field.PatchReplace ? patchValue : MergeMap(DetachNode(originalMap), (JsonObject)patchValue, field);
                    break;
                case JsonArray originalList:
                    original[key] = field.PatchMerge || isDeleteList
                        ? MergeList(DetachNode(originalList), (JsonArray)patchValue, field, isDeleteList)
                        : patchValue;
                    break;
                default:
                    SetOrRemove(original, key, RemoveDirectives(patchValue));
                    break;
            }
        }
        return original;
    }

    private static JsonObject DirectiveOnMap(JsonNode? directive, JsonObject patch)
    {
        switch (DirectiveName(directive))
        {
            case "replace":
                patch.Remove(Directive);
                DiscardNulls(patch);
                return patch;
            case "delete":
                return [];
            default:
                throw PatchErrors.Unclassified($"unknown patch type: {GoFormat.Value(directive)} in map: {GoFormat.Value(patch)}");
        }
    }

    /// <summary>
    /// <c>$retainKeys</c>: keys of the original missing from the list are cleared, and the patch may only set listed keys.
    /// </summary>
    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(RetainKeys, out var retain))
        {
            return;
        }
        patch.Remove(RetainKeys);
        if (retain is not JsonArray list)
        {
            throw PatchErrors.BadRequest("invalid patch format of retainKeys");
        }
        var keep = list.Select(v => JsonValues.Canonical(v)).ToHashSet(StringComparer.Ordinal);
        bool Retained(string key) => keep.Contains(JsonValues.Canonical(JsonValue.Create(key)));
        foreach (var (key, value) in patch)
        {
            if (value is null || key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal)
                || key.StartsWith(SetElementOrder, StringComparison.Ordinal))
            {
                continue;
            }
            if (!Retained(key))
            {
                throw PatchErrors.BadRequest("invalid patch format of retainKeys");
            }
        }
        foreach (var key in original.Select(p => p.Key).Where(k => !Retained(k)).ToList())
        {
            original.Remove(key);
        }
    }

    /// <summary>
    /// <c>$setElementOrder/&lt;field&gt;</c>: merges the field's list and orders the result by the given order first,
    /// then by the patch, then by the live list.
    /// </summary>
    private static void MergeOrderedLists(JsonObject original, JsonObject patch, TypeSchema schema)
    {
        foreach (var directiveKey in patch.Select(p => p.Key)
                     .Where(k => k.StartsWith(SetElementOrder, StringComparison.Ordinal)).ToList())
        {
            var orderNode = patch[directiveKey];
            patch.Remove(directiveKey);
            if (orderNode is not JsonArray order)
            {
                throw BadArgType("[]interface {}", orderNode);
            }
            var key = ExtractKey(directiveKey, SetElementOrder);
            var originalList = ListMember(original, key);
            var patchList = ListMember(patch, key);
            var field = schema.Field(key);
            var mergeKey = field.PatchMergeKey ?? "";
            ValidateOrder(patchList, order, mergeKey);
            if (originalList is null && patchList is null)
            {
                continue;
            }
            var kind = ElementType(originalList, patchList);
            List<JsonNode?> serverList = [.. originalList ?? []];
            List<JsonNode?> merged;
            if (originalList is not null && patchList is null)
            {
                merged = [.. originalList];
            }
            else if (originalList is null && patchList is not null)
            {
                merged = [.. ((JsonArray)RemoveDirectives(patchList)!)];
            }
            else if (originalList is not null && patchList is not null)
            {
                merged = field.PatchMerge
                    ? [.. MergeList((JsonArray)originalList.DeepClone(), (JsonArray)patchList.DeepClone(), field, false)]
                    : [.. patchList];
            }
            else
            {
                merged = [.. originalList!];
            }
            var (inOrder, serverOnly) = StrategicListOrder.Partition(merged, order, mergeKey, kind);
            var serverOrder = kind == "map" && field.PatchMerge ? merged : serverList;
            original[key] = Detached(StrategicListOrder.NormalizeOrder(inOrder, serverOnly, [.. order], serverOrder, mergeKey, kind));
            patch.Remove(key);
        }
    }

    private static JsonArray MergeList(JsonArray original, JsonArray patch, TypeSchema schema, bool isDeleteList)
    {
        if (original.Count == 0 && patch.Count == 0)
        {
            return original;
        }
        var kind = ElementType(original, patch);
        List<JsonNode?> items = DetachItems(original);
        List<JsonNode?> patchItems = DetachItems(patch);
        List<JsonNode?> merged;
        var mergeKey = schema.PatchMergeKey ?? "";
        if (kind != "map")
        {
            if (isDeleteList)
            {
                var doomed = patchItems.Select(JsonValues.Canonical).ToHashSet(StringComparer.Ordinal);
                return Detached(items.Where(v => !doomed.Contains(JsonValues.Canonical(v))));
            }
            merged = items.Concat(patchItems).DistinctBy(JsonValues.Canonical, StringComparer.Ordinal).ToList();
            var (fromPatch, serverOnly) = StrategicListOrder.Partition(merged, patchItems, "", kind);
            return Detached(StrategicListOrder.NormalizeOrder(fromPatch, serverOnly, patchItems, items, "", kind));
        }
        if (mergeKey.Length == 0)
        {
            throw PatchErrors.Unclassified($"cannot merge lists without merge key for {GoFormat.TypeName(original)}");
        }
        (items, patchItems) = ApplyListDirectives(items, patchItems, mergeKey);
        foreach (var item in patchItems)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw NoMergeKey(map, mergeKey);
            }
            var index = FindByKey(items, mergeKey, keyValue);
            if (index >= 0)
            {
                items[index] = MergeMap((JsonObject)items[index]!, map, schema.Item);
            }
            else
            {
                DiscardNulls(map);
                items.Add(RemoveDirectives(map));
            }
        }
        merged = items;
        var (inPatch, rest) = StrategicListOrder.Partition(merged, patchItems, mergeKey, kind);
        return Detached(StrategicListOrder.NormalizeOrder(inPatch, rest, patchItems, merged, mergeKey, kind));
    }

    /// <summary>Handles <c>$patch</c> items of a list: delete removes by key, replace makes the patch the whole list.</summary>
    private static (List<JsonNode?> Original, List<JsonNode?> Patch) ApplyListDirectives(
        List<JsonNode?> original, List<JsonNode?> patch, string mergeKey)
    {
        var plain = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(Directive, out var directive))
            {
                plain.Add(item);
                continue;
            }
            switch (DirectiveName(directive))
            {
                case "delete":
                    if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
                    {
                        throw NoMergeKey(map, mergeKey);
                    }
                    int index;
                    while ((index = FindByKey(original, mergeKey, keyValue)) >= 0)
                    {
                        original.RemoveAt(index);
                    }
                    break;
                case "replace":
                    replace = true;
                    break;
                case "merge":
                    throw PatchErrors.Unclassified("merging lists cannot yet be specified in the patch");
                default:
                    throw PatchErrors.Unclassified($"unknown patch type: {GoFormat.Value(directive)} in map: {GoFormat.Value(map)}");
            }
        }
        return replace ? (plain, []) : (original, plain);
    }

    private static int FindByKey(List<JsonNode?> items, string mergeKey, JsonNode? keyValue)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject map)
            {
                throw PatchErrors.Unclassified($"value for key {i} is not a map");
            }
            if (map.TryGetPropertyValue(mergeKey, out var v) && JsonValues.DeepEquals(v, keyValue))
            {
                return i;
            }
        }
        return -1;
    }

    private static void ValidateOrder(JsonArray? patchList, JsonArray order, string mergeKey)
    {
        if (order.Count == 0 || patchList is null || patchList.Count == 0)
        {
            return;
        }
        var items = mergeKey.Length > 0
            ? patchList.Where(v => !(v is JsonObject m && DirectiveName(m[Directive]) == "delete")).ToList()
            : [.. patchList];
        int p = 0, o = 0;
        while (p < items.Count && o < order.Count)
        {
            if (items[p] is JsonObject m && m.ContainsKey(Directive))
            {
                p++;
                continue;
            }
            if (KeysEqual(items[p], order[o], mergeKey))
            {
                p++;
            }
            o++;
        }
        if (p < items.Count)
        {
            throw PatchErrors.Unclassified(
                $"The order in patch list:\n{GoFormat.Value(patchList)}\n doesn't match {SetElementOrder} list:\n{GoFormat.Value(order)}\n");
        }
    }

    private static bool KeysEqual(JsonNode? left, JsonNode? right, string mergeKey)
    {
        if (mergeKey.Length == 0)
        {
            return JsonValues.DeepEquals(left, right);
        }
        if (left is not JsonObject l)
        {
            throw BadArgType("map[string]interface {}", left);
        }
        if (right is not JsonObject r)
        {
            throw BadArgType("map[string]interface {}", right);
        }
        if (!l.TryGetPropertyValue(mergeKey, out var lk))
        {
            throw NoMergeKey(l, mergeKey);
        }
        if (!r.TryGetPropertyValue(mergeKey, out var rk))
        {
            throw NoMergeKey(r, mergeKey);
        }
        return JsonValues.DeepEquals(lk, rk);
    }

    /// <summary>The common element type of the lists ("map", "string", "int64" …), with the library's errors.</summary>
    private static string ElementType(params JsonArray?[] lists)
    {
        string? type = null;
        foreach (var item in lists.Where(l => l is not null).SelectMany(l => l!))
        {
            var current = item is JsonObject ? "map" : GoFormat.TypeName(item);
            if (type is null)
            {
                if (item is JsonArray)
                {
                    throw PatchErrors.Unprocessable("lists of lists are not supported");
                }
                type = current;
            }
            else if (type != current)
            {
                throw PatchErrors.Unclassified(
                    $"list element types are not identical: [{string.Join(" ", lists.Select(l => GoFormat.Value(l ?? [])))}]");
            }
        }
        return type ?? throw PatchErrors.Unclassified("no elements in any of the given slices");
    }

    private static string ExtractKey(string key, string prefix)
    {
        var parts = key.Split('/', 2);
        if (parts.Length <= 1 || parts[0] != prefix)
        {
            throw PatchErrors.BadRequest(prefix == DeleteFromPrimitiveList
                ? "invalid patch format of primitive list"
                : "invalid patch format of setElementOrder list");
        }
        return parts[1];
    }

    /// <summary>Drops maps carrying a <c>$patch</c> directive (and list items that are such maps), recursively.</summary>
    private static JsonNode? RemoveDirectives(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map when map.ContainsKey(Directive):
                return null;
            case JsonObject map:
                foreach (var (key, value) in map.ToList())
                {
                    if (value is JsonObject child && child.ContainsKey(Directive))
                    {
                        map.Remove(key);
                    }
                    else
                    {
                        RemoveDirectives(value);
                    }
                }
                return map;
            case JsonArray list:
                foreach (var item in list.Where(i => i is JsonObject m && m.ContainsKey(Directive)).ToList())
                {
                    list.Remove(item);
                }
                foreach (var item in list)
                {
                    RemoveDirectives(item);
                }
                return list;
            default:
                return node;
        }
    }

    private static void SetOrRemove(JsonObject target, string key, JsonNode? value)
    {
        if (value is null && !target.ContainsKey(key))
        {
            return;
        }
        if (value is null)
        {
            target.Remove(key);
            return;
        }
        target[key] = value.Parent is null ? value : value.DeepClone();
    }

    private static void DiscardNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, value) in map.ToList())
                {
                    if (value is null)
                    {
                        map.Remove(key);
                    }
                    else
                    {
                        DiscardNulls(value);
                    }
                }
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    DiscardNulls(item);
                }
                break;
        }
    }

    private static void StripMarkers(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).Where(k => k.StartsWith('$')).ToList())
                {
                    map.Remove(key);
                }
                foreach (var (_, value) in map)
                {
                    StripMarkers(value);
                }
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    StripMarkers(item);
                }
                break;
        }
    }

    /// <summary>Go compares the dynamic types of decoded JSON: maps, slices and scalars of any kind.</summary>
    private static bool SameGoType(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (JsonObject, JsonObject) or (JsonArray, JsonArray) => true,
        (JsonObject, _) or (_, JsonObject) or (JsonArray, _) or (_, JsonArray) => false,
        _ => GoFormat.TypeName(a) == GoFormat.TypeName(b),
    };

    internal static string? DirectiveName(JsonNode? directive) =>
        directive is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    private static JsonArray? ListMember(JsonObject map, string key)
    {
        if (!map.TryGetPropertyValue(key, out var value))
        {
            return null;
        }
        return value as JsonArray ?? throw BadArgType("[]interface {}", value);
    }

    private static T DetachNode<T>(T node) where T : JsonNode
    {
        if (node.Parent is JsonObject parentMap)
        {
            var key = parentMap.First(p => ReferenceEquals(p.Value, node)).Key;
            parentMap[key] = null;
        }
        else if (node.Parent is JsonArray parentList)
        {
            parentList[parentList.IndexOf(node)] = null;
        }
        return node;
    }

    private static List<JsonNode?> DetachItems(JsonArray list)
    {
        var items = list.ToList();
        list.Clear();
        return items;
    }

    private static JsonArray Detached(IEnumerable<JsonNode?> items) =>
        new(items.Select(i => i?.Parent is null ? i : i.DeepClone()).ToArray());

    internal static ApiException NoMergeKey(JsonObject map, string mergeKey) =>
        PatchErrors.Unclassified($"map: {GoFormat.Value(map)} does not contain declared merge key: {mergeKey}");

    internal static ApiException BadArgType(string expected, JsonNode? actual) =>
        PatchErrors.Unclassified($"expected a {expected}, but received a {GoFormat.TypeName(actual)}");
}
