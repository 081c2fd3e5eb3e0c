using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>What a <see cref="PathElement"/> selects.</summary>
internal enum PathElementKind
{
    /// <summary>A named member of an object (<c>f:name</c>).</summary>
    Field,

    /// <summary>The item of an associative list with the given key fields (<c>k:{"name":"web"}</c>).</summary>
    Key,

    /// <summary>The member of a set with the given value (<c>v:"x"</c>).</summary>
    Value,

    /// <summary>An item by position (<c>i:0</c>).</summary>
    Index,
}

/// <summary>
/// One step of a field path as structured-merge-diff models it, with its FieldsV1 token as identity
/// (<c>f:spec</c>, <c>k:{"containerPort":80,"protocol":"TCP"}</c>, <c>v:"foregroundDeletion"</c>, <c>i:0</c>).
/// </summary>
internal sealed class PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
    private PathElement(PathElementKind kind, string token, string? name = null,
        IReadOnlyList<KeyValuePair<string, JsonNode?>>? keys = null, JsonNode? value = null, int index = 0)
    {
        Kind = kind;
        Token = token;
        Name = name;
        Keys = keys ?? [];
        Value = value;
        Index = index;
    }

    public PathElementKind Kind { get; }

    /// <summary>The FieldsV1 encoding of this element.</summary>
    public string Token { get; }

    public string? Name { get; }

    /// <summary>Key fields sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Keys { get; }

    public JsonNode? Value { get; }

    public int Index { get; }

    public static PathElement Field(string name) => new(PathElementKind.Field, "f:" + name, name: name);

    public static PathElement Key(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var sorted = fields.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())).ToList();
        var json = new JsonObject(sorted.Select(f => KeyValuePair.Create(f.Key, f.Value?.DeepClone())));
        return new(PathElementKind.Key, "k:" + JsonValues.Canonical(json), keys: sorted);
    }

    public static PathElement OfValue(JsonNode? value) =>
        new(PathElementKind.Value, "v:" + JsonValues.Canonical(value), value: value?.DeepClone());

    public static PathElement OfIndex(int index) =>
        new(PathElementKind.Index, "i:" + index.ToString(CultureInfo.InvariantCulture), index: index);

    /// <summary>Parses a FieldsV1 token.</summary>
    /// <exception cref="FormatException">The token is not a field, key, value or index element.</exception>
    public static PathElement Parse(string token)
    {
        if (token.Length < 2 || token[1] != ':')
        {
            throw new FormatException($"unrecognized path element: {token}");
        }
        var body = token[2..];
        try
        {
            switch (token[0])
            {
                case 'f':
                    return Field(body);
                case 'k':
                    return JsonNode.Parse(body) is JsonObject keys
                        ? Key(keys.Select(k => KeyValuePair.Create(k.Key, k.Value)))
                        : throw new FormatException($"key element is not a JSON object: {token}");
                case 'v':
                    return OfValue(JsonNode.Parse(body));
                case 'i':
                    return OfIndex(int.Parse(body, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
                default:
                    throw new FormatException($"unrecognized path element: {token}");
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid path element {token}: {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new FormatException($"invalid path element {token}: {e.Message}", e);
        }
    }

    /// <summary>structured-merge-diff's order: fields, then keys, then values, then indices.</summary>
    public int CompareTo(PathElement? other)
    {
        if (other is null)
        {
            return 1;
        }
        if (Kind != other.Kind)
        {
            return Kind.CompareTo(other.Kind);
        }
        switch (Kind)
        {
            case PathElementKind.Field:
                return string.CompareOrdinal(Name, other.Name);
            case PathElementKind.Key:
                for (var i = 0; ; i++)
                {
                    if (i >= Keys.Count || i >= other.Keys.Count)
                    {
                        return Keys.Count.CompareTo(other.Keys.Count);
                    }
                    var c = string.CompareOrdinal(Keys[i].Key, other.Keys[i].Key);
                    if (c == 0)
                    {
                        c = JsonValues.Compare(Keys[i].Value, other.Keys[i].Value);
                    }
                    if (c != 0)
                    {
                        return c;
                    }
                }
            case PathElementKind.Value:
                return JsonValues.Compare(Value, other.Value);
            default:
                return Index.CompareTo(other.Index);
        }
    }

    public bool Equals(PathElement? other) => other is not null && Token == other.Token;

    public override bool Equals(object? obj) => Equals(obj as PathElement);

    public override int GetHashCode() => Token.GetHashCode(StringComparison.Ordinal);

    /// <summary>The human-readable form used in conflict messages: <c>.spec</c>, <c>[name="web"]</c>, <c>[="x"]</c>, <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + Name,
        PathElementKind.Key => "[" + string.Join(",", Keys.Select(k => $"{k.Key}={Display(k.Value)}")) + "]",
        PathElementKind.Value => $"[={Display(Value)}]",
        _ => $"[{Index.ToString(CultureInfo.InvariantCulture)}]",
    };

    /// <summary>A path the way structured-merge-diff prints it, e.g. <c>.spec.template.spec.containers[name="web"].image</c>.</summary>
    public static string Format(IEnumerable<PathElement> path) => string.Concat(path.Select(p => p.ToString()));

    private static string Display(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(v.GetValue<string>()),
        _ => JsonValues.Canonical(value),
    };
}
