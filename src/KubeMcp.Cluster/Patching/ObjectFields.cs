using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>The difference between two objects as sets of field paths.</summary>
internal sealed record Comparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    public Comparison Filter(Func<FieldSet, FieldSet> filter) => new(filter(Added), filter(Modified), filter(Removed));
}

/// <summary>
/// Walks objects along a <see cref="TypeSchema"/> the way structured-merge-diff's typed values do: which fields an
/// object sets, how two objects differ, removing a set of fields, and the list-key checks apply makes.
/// </summary>
internal static class ObjectFields
{
    private enum Shape
    {
        Leaf,
        Map,
        List,
    }

    /// <summary>
    /// The fields an object sets: its scalars, atomic values, list items, map entries and explicit nulls or empty
    /// objects, but not the structs that merely contain them.
    /// </summary>
    public static FieldSet ToFieldSet(JsonNode? value, TypeSchema schema)
    {
        var set = new FieldSet();
        Collect(value, schema, [], set);
        return set;
    }

    private static void Collect(JsonNode? value, TypeSchema schema, List<PathElement> path, FieldSet set)
    {
        switch (ShapeOf(value, schema))
        {
            case Shape.Map:
                foreach (var (key, child) in (JsonObject)value!)
                {
                    List<PathElement> childPath = [.. path, PathElement.Field(key)];
                    Collect(child, schema.Field(key), childPath, set);
                    if (child is null || child is JsonObject { Count: 0 } || !schema.HasNamedFields)
                    {
                        set.Insert(childPath);
                    }
                }
                break;
            case Shape.List:
                var items = IndexItems((JsonArray)value!, schema);
                foreach (var (element, occurrences) in items)
                {
                    List<PathElement> itemPath = [.. path, element];
                    if (occurrences.Count == 1)
                    {
                        Collect(occurrences[0], schema.Item, itemPath, set);
                    }
                    set.Insert(itemPath);
                }
                break;
            default:
                set.Insert(path);
                break;
        }
    }

    /// <summary>What changed from <paramref name="lhs"/> to <paramref name="rhs"/>, leaf by leaf and item by item.</summary>
    public static Comparison Compare(JsonNode? lhs, JsonNode? rhs, TypeSchema schema)
    {
        var comparison = new Comparison(new FieldSet(), new FieldSet(), new FieldSet());
        CompareAt(true, lhs, true, rhs, schema, [], comparison);
        return comparison;
    }

    private static void CompareAt(bool hasL, JsonNode? l, bool hasR, JsonNode? r, TypeSchema schema,
        List<PathElement> path, Comparison result)
    {
        switch (ShapeOf(hasL, l, hasR, r, schema))
        {
            case Shape.Map:
                var lm = l as JsonObject;
                var rm = r as JsonObject;
                if ((lm is null || lm.Count == 0) && (rm is null || rm.Count == 0))
                {
                    CompareLeaf(hasL, l, hasR, r, path, result);
                    return;
                }
                foreach (var key in Keys(lm, rm))
                {
                    JsonNode? lv = null;
                    JsonNode? rv = null;
                    var inL = lm is not null && lm.TryGetPropertyValue(key, out lv);
                    var inR = rm is not null && rm.TryGetPropertyValue(key, out rv);
                    CompareAt(inL, lv, inR, rv, schema.Field(key), [.. path, PathElement.Field(key)], result);
                }
                break;
            case Shape.List:
                var ll = l as JsonArray;
                var rl = r as JsonArray;
                if ((ll is null || ll.Count == 0) && (rl is null || rl.Count == 0))
                {
                    CompareLeaf(hasL, l, hasR, r, path, result);
                    return;
                }
                CompareItems(ll, rl, schema, path, result);
                break;
            default:
                CompareLeaf(hasL, l, hasR, r, path, result);
                return;
        }
        if (path.Count > 0 && !hasL)
        {
            result.Added.Insert(path);
        }
        else if (path.Count > 0 && !hasR)
        {
            result.Removed.Insert(path);
        }
    }

    private static void CompareItems(JsonArray? lhs, JsonArray? rhs, TypeSchema schema, List<PathElement> path, Comparison result)
    {
        var left = IndexItems(lhs, schema);
        var right = IndexItems(rhs, schema);
        foreach (var element in left.Keys.Concat(right.Keys.Where(k => !left.ContainsKey(k))))
        {
            var lItems = left.GetValueOrDefault(element) ?? [];
            var rItems = right.GetValueOrDefault(element) ?? [];
            List<PathElement> itemPath = [.. path, element];
            if (lItems.Count <= 1 && rItems.Count <= 1)
            {
                CompareAt(lItems.Count == 1, lItems.FirstOrDefault(), rItems.Count == 1, rItems.FirstOrDefault(),
                    schema.Item, itemPath, result);
            }
            else if (lItems.Count >= 2 && rItems.Count >= 2)
            {
                // Duplicated keys are compared as if the duplicates were one atomic value.
                if (!lItems.SequenceEqual(rItems, JsonNodeEquality.Instance))
                {
                    result.Modified.Insert(itemPath);
                }
            }
            else if (lItems.Count >= 2)
            {
                if (rItems.Count == 1)
                {
                    CompareAt(false, null, true, rItems[0], schema.Item, itemPath, result);
                }
                result.Removed.Insert(itemPath);
            }
            else
            {
                if (lItems.Count == 1)
                {
                    CompareAt(true, lItems[0], false, null, schema.Item, itemPath, result);
                }
                result.Added.Insert(itemPath);
            }
        }
    }

    private static void CompareLeaf(bool hasL, JsonNode? l, bool hasR, JsonNode? r, List<PathElement> path, Comparison result)
    {
        if (!hasL)
        {
            result.Added.Insert(path);
        }
        else if (!hasR)
        {
            result.Removed.Insert(path);
        }
        else if (!JsonValues.DeepEquals(l, r))
        {
            result.Modified.Insert(path);
        }
    }

    /// <summary>
    /// A copy of <paramref name="value"/> without the fields in <paramref name="set"/> (a member goes with everything
    /// below it). Objects and lists left empty by the removal disappear, as they do once decoded into a Go struct.
    /// </summary>
    public static JsonNode? RemoveItems(JsonNode? value, FieldSet set, TypeSchema schema)
    {
        switch (ShapeOf(value, schema))
        {
            case Shape.Map:
                var map = new JsonObject();
                foreach (var (key, child) in (JsonObject)value!)
                {
                    var element = PathElement.Field(key);
                    if (set.HasMember(element))
                    {
                        continue;
                    }
                    var below = set.Child(element);
                    if (below is null)
                    {
                        map[key] = child?.DeepClone();
                        continue;
                    }
                    var kept = RemoveItems(child, below, schema.Field(key));
                    if (kept is not (JsonObject { Count: 0 } or JsonArray { Count: 0 }))
                    {
                        map[key] = kept;
                    }
                }
                return map;
            case Shape.List:
                var list = new JsonArray();
                foreach (var item in (JsonArray)value!)
                {
                    var element = ListItems.ElementOf(schema, item, out _);
                    if (element is not null && set.HasMember(element))
                    {
                        continue;
                    }
                    var below = element is null ? null : set.Child(element);
                    list.Add(below is null ? item?.DeepClone() : RemoveItems(item, below, schema.Item));
                }
                return list;
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>
    /// The errors structured-merge-diff reports when converting an applied configuration: list items without their
    /// keys (and no default), non-object items in keyed lists, and duplicate keys. Each is prefixed by its path.
    /// </summary>
    public static List<string> Validate(JsonNode? value, TypeSchema schema)
    {
        var errors = new List<string>();
        ValidateAt(value, schema, [], errors);
        return errors;
    }

    private static void ValidateAt(JsonNode? value, TypeSchema schema, List<PathElement> path, List<string> errors)
    {
        switch (ShapeOf(value, schema))
        {
            case Shape.Map:
                foreach (var (key, child) in (JsonObject)value!)
                {
                    ValidateAt(child, schema.Field(key), [.. path, PathElement.Field(key)], errors);
                }
                break;
            case Shape.List:
                var seen = new HashSet<PathElement>();
                var array = (JsonArray)value!;
                for (var i = 0; i < array.Count; i++)
                {
                    var element = ListItems.ElementOf(schema, array[i], out var error);
                    if (element is null)
                    {
                        errors.Add($"{PathElement.Format(path)}: element {i}: {error}");
                    }
                    else if (!seen.Add(element))
                    {
                        errors.Add($"{PathElement.Format(path)}: duplicate entries for key {element}");
                    }
                    else
                    {
                        ValidateAt(array[i], schema.Item, [.. path, element], errors);
                    }
                }
                break;
        }
    }

    /// <summary>Items of an associative list grouped by path element, in first-seen order; unkeyable items are skipped.</summary>
    private static Dictionary<PathElement, List<JsonNode?>> IndexItems(JsonArray? list, TypeSchema schema)
    {
        var items = new Dictionary<PathElement, List<JsonNode?>>();
        foreach (var item in list ?? [])
        {
            var element = ListItems.ElementOf(schema, item, out _);
            if (element is null)
            {
                continue;
            }
            if (!items.TryGetValue(element, out var occurrences))
            {
                items[element] = occurrences = [];
            }
            occurrences.Add(item);
        }
        return items;
    }

    private static IEnumerable<string> Keys(JsonObject? lhs, JsonObject? rhs)
    {
        var keys = lhs?.Select(p => p.Key).ToList() ?? [];
        if (rhs is not null)
        {
            keys.AddRange(rhs.Select(p => p.Key).Where(k => lhs is null || !lhs.ContainsKey(k)));
        }
        return keys;
    }

    private static Shape ShapeOf(JsonNode? value, TypeSchema schema) => value switch
    {
        JsonObject when schema.Kind != SchemaKind.List && !schema.Atomic => Shape.Map,
        JsonArray when schema.Kind == SchemaKind.List && schema.ListType != ListType.Atomic => Shape.List,
        _ => Shape.Leaf,
    };

    /// <summary>The shape of a pair: a null or missing side takes the other side's shape; a mismatch is a leaf.</summary>
    private static Shape ShapeOf(bool hasL, JsonNode? l, bool hasR, JsonNode? r, TypeSchema schema)
    {
        var left = hasL && l is not null ? ShapeOf(l, schema) : (Shape?)null;
        var right = hasR && r is not null ? ShapeOf(r, schema) : (Shape?)null;
        return (left, right) switch
        {
            (null, null) => Shape.Leaf,
            (null, var s) => s.Value,
            (var s, null) => s.Value,
            var (a, b) => a == b ? a.Value : Shape.Leaf,
        };
    }

    private sealed class JsonNodeEquality : IEqualityComparer<JsonNode?>
    {
        public static readonly JsonNodeEquality Instance = new();

        public bool Equals(JsonNode? x, JsonNode? y) => JsonValues.DeepEquals(x, y);

        public int GetHashCode(JsonNode? obj) => JsonValues.Canonical(obj).GetHashCode(StringComparison.Ordinal);
    }
}
