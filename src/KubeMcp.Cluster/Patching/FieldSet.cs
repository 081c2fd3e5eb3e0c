using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// A set of field paths as a tree, the way structured-merge-diff stores what a manager owns. A node can be a member
/// (the path itself is in the set) and have children (paths below it are in the set) at the same time. Serializes to
/// and from the FieldsV1 JSON of <c>metadata.managedFields</c>.
/// </summary>
internal sealed class FieldSet
{
    private readonly HashSet<PathElement> members = [];
    private readonly Dictionary<PathElement, FieldSet> children = [];

    public bool IsEmpty => members.Count == 0 && children.Count == 0;

    public bool HasMember(PathElement element) => members.Contains(element);

    /// <summary>The paths below <paramref name="element"/>, or null when there are none.</summary>
    public FieldSet? Child(PathElement element) => children.GetValueOrDefault(element);

    public void Insert(IReadOnlyList<PathElement> path)
    {
        if (path.Count == 0)
        {
            return;
        }
        var node = this;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (!node.children.TryGetValue(path[i], out var next))
            {
                next = new FieldSet();
                node.children[path[i]] = next;
            }
            node = next;
        }
        node.members.Add(path[^1]);
    }

    public bool Has(IReadOnlyList<PathElement> path)
    {
        var node = this;
        for (var i = 0; i < path.Count - 1; i++)
        {
            if (!node.children.TryGetValue(path[i], out node))
            {
                return false;
            }
        }
        return path.Count > 0 && node.members.Contains(path[^1]);
    }

    public FieldSet Union(FieldSet other)
    {
        var result = Copy();
        result.members.UnionWith(other.members);
        foreach (var (element, child) in other.children)
        {
            result.children[element] = result.children.TryGetValue(element, out var mine) ? mine.Union(child) : child.Copy();
        }
        return result;
    }

    /// <summary>Paths in this set that are not in <paramref name="other"/> (membership is compared path by path).</summary>
    public FieldSet Difference(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members.Where(m => !other.members.Contains(m)));
        foreach (var (element, child) in children)
        {
            var remaining = other.children.TryGetValue(element, out var theirs) ? child.Difference(theirs) : child.Copy();
            if (!remaining.IsEmpty)
            {
                result.children[element] = remaining;
            }
        }
        return result;
    }

    /// <summary>Like <see cref="Difference"/>, but a member of <paramref name="other"/> also removes everything below it.</summary>
    public FieldSet RecursiveDifference(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members.Where(m => !other.members.Contains(m)));
        foreach (var (element, child) in children)
        {
            if (other.members.Contains(element))
            {
                continue;
            }
            var remaining = other.children.TryGetValue(element, out var theirs) ? child.RecursiveDifference(theirs) : child.Copy();
            if (!remaining.IsEmpty)
            {
                result.children[element] = remaining;
            }
        }
        return result;
    }

    public FieldSet Intersection(FieldSet other)
    {
        var result = new FieldSet();
        result.members.UnionWith(members.Where(other.members.Contains));
        foreach (var (element, child) in children)
        {
            if (other.children.TryGetValue(element, out var theirs))
            {
                var common = child.Intersection(theirs);
                if (!common.IsEmpty)
                {
                    result.children[element] = common;
                }
            }
        }
        return result;
    }

    /// <summary>Only what lies at or below the top-level field <paramref name="name"/>.</summary>
    public FieldSet OnlyField(string name)
    {
        var element = PathElement.Field(name);
        var result = new FieldSet();
        if (members.Contains(element))
        {
            result.members.Add(element);
        }
        if (children.TryGetValue(element, out var child))
        {
            result.children[element] = child.Copy();
        }
        return result;
    }

    /// <summary>
    /// Also makes members of the named struct fields that have children, so that removing the set removes those
    /// structs too; map entries and list items are left alone.
    /// </summary>
    public FieldSet EnsureNamedFieldsAreMembers(TypeSchema schema)
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        foreach (var (element, child) in children)
        {
            var childSchema = element.Kind == PathElementKind.Field ? schema.Field(element.Name!) : schema.Item;
            if (element.Kind == PathElementKind.Field && schema.HasNamedFields)
            {
                result.members.Add(element);
            }
            result.children[element] = child.EnsureNamedFieldsAreMembers(childSchema);
        }
        return result;
    }

    /// <summary>Every path in the set: this node's members first, then each child's paths, in element order.</summary>
    public IEnumerable<IReadOnlyList<PathElement>> Paths() => PathsUnder([]);

    private IEnumerable<IReadOnlyList<PathElement>> PathsUnder(List<PathElement> prefix)
    {
        foreach (var member in members.Order())
        {
            yield return [.. prefix, member];
        }
        foreach (var (element, child) in children.OrderBy(c => c.Key))
        {
            foreach (var path in child.PathsUnder([.. prefix, element]))
            {
                yield return path;
            }
        }
    }

    /// <summary>The FieldsV1 form: <c>{"f:metadata":{"f:labels":{".":{},"f:app":{}}}}</c>.</summary>
    public JsonObject ToFieldsV1()
    {
        var result = new JsonObject();
        Write(result, includeSelf: false);
        return result;
    }

    private void Write(JsonObject target, bool includeSelf)
    {
        if (includeSelf)
        {
            target["."] = new JsonObject();
        }
        foreach (var element in members.Union(children.Keys).Order())
        {
            var node = new JsonObject();
            if (children.TryGetValue(element, out var child))
            {
                child.Write(node, includeSelf: members.Contains(element));
            }
            target[element.Token] = node;
        }
    }

    /// <summary>Reads FieldsV1 JSON.</summary>
    /// <exception cref="FormatException">The JSON is not a FieldsV1 tree.</exception>
    public static FieldSet FromFieldsV1(JsonNode? fields)
    {
        var result = new FieldSet();
        if (fields is null)
        {
            return result;
        }
        if (fields is not JsonObject map)
        {
            throw new FormatException("FieldsV1 must be a JSON object");
        }
        Read(result, map);
        return result;
    }

    private static void Read(FieldSet target, JsonObject map)
    {
        foreach (var (token, value) in map)
        {
            if (token == ".")
            {
                continue;
            }
            if (value is not JsonObject inner)
            {
                throw new FormatException($"FieldsV1 entry {token} must be a JSON object");
            }
            var element = PathElement.Parse(token);
            if (inner.Count == 0 || inner.ContainsKey("."))
            {
                target.members.Add(element);
            }
            if (inner.Count > (inner.ContainsKey(".") ? 1 : 0))
            {
                var child = new FieldSet();
                Read(child, inner);
                target.children[element] = child;
            }
        }
    }

    private FieldSet Copy()
    {
        var result = new FieldSet();
        result.members.UnionWith(members);
        foreach (var (element, child) in children)
        {
            result.children[element] = child.Copy();
        }
        return result;
    }

    public override string ToString() => ToFieldsV1().ToJsonString();
}
