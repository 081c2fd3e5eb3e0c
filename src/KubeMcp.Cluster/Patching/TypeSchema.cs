using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>How a node of an object is shaped, as far as merging is concerned.</summary>
internal enum SchemaKind
{
    /// <summary>An object with named fields; also what every undescribed object is taken to be.</summary>
    Struct,

    /// <summary>An object whose members are entries of one type (labels, annotations, resource lists).</summary>
    Map,

    /// <summary>A list.</summary>
    List,
}

/// <summary>How server-side apply treats a list (<c>x-kubernetes-list-type</c>).</summary>
internal enum ListType
{
    /// <summary>The list is one value, replaced as a whole.</summary>
    Atomic,

    /// <summary>A set of scalars, merged by value.</summary>
    Set,

    /// <summary>A list of objects merged by key fields.</summary>
    Map,
}

/// <summary>
/// The parts of a type's schema that the merge algorithms need: the Go struct tags <c>patchStrategy</c> and
/// <c>patchMergeKey</c> for strategic merge patch, and <c>+listType</c>, <c>+listMapKey</c>,
/// <c>+structType=atomic</c>/<c>+mapType=atomic</c> for server-side apply. The two sometimes disagree (a Job's
/// conditions merge by type in a strategic merge patch but are atomic for apply), so both are recorded.
/// Anything not described is "deduced": objects merge field by field, lists are atomic, scalars are leaves.
/// </summary>
internal sealed record TypeSchema
{
    private static readonly FrozenDictionary<string, TypeSchema> NoFields = FrozenDictionary<string, TypeSchema>.Empty;

    /// <summary>The schema of anything not described.</summary>
    public static readonly TypeSchema Deduced = new();

    public SchemaKind Kind { get; init; } = SchemaKind.Struct;

    /// <summary>Declared fields of a struct.</summary>
    public IReadOnlyDictionary<string, TypeSchema> Fields { get; init; } = NoFields;

    /// <summary>The value type of a map or the element type of a list.</summary>
    public TypeSchema? Element { get; init; }

    /// <summary>An atomic struct or map: apply owns and replaces it as a whole.</summary>
    public bool Atomic { get; init; }

    public ListType ListType { get; init; } = ListType.Atomic;

    /// <summary>The key fields of a <see cref="ListType.Map"/> list.</summary>
    public IReadOnlyList<string> ListKeys { get; init; } = [];

    /// <summary>Defaults of key fields, used when an item omits them (a container port's protocol is TCP).</summary>
    public IReadOnlyDictionary<string, JsonNode> KeyDefaults { get; init; } = FrozenDictionary<string, JsonNode>.Empty;

    /// <summary>Strategic merge patch: the list merges (by <see cref="PatchMergeKey"/> for objects, as a set for scalars).</summary>
    public bool PatchMerge { get; init; }

    /// <summary>Strategic merge patch: the merge key of a merging list of objects.</summary>
    public string? PatchMergeKey { get; init; }

    /// <summary>Strategic merge patch: the object is replaced rather than merged (<c>patchStrategy:"replace"</c>).</summary>
    public bool PatchReplace { get; init; }

    /// <summary>
    /// A field Go encodes even in an empty object (a non-pointer struct, or a list without <c>omitempty</c>, which
    /// encodes as null), so on create it is not recorded as added by itself (only its members are).
    /// </summary>
    public bool AlwaysPresent { get; init; }

    /// <summary>The schema of a member of this object.</summary>
    public TypeSchema Field(string name) => Kind switch
    {
        SchemaKind.Struct => Fields.TryGetValue(name, out var field) ? field : Deduced,
        SchemaKind.Map => Element ?? Deduced,
        _ => Deduced,
    };

    /// <summary>The schema of an item of this list.</summary>
    public TypeSchema Item => Element ?? Deduced;

    /// <summary>True when the members of this object are named struct fields rather than map entries.</summary>
    public bool HasNamedFields => Kind == SchemaKind.Struct;

    /// <summary>A struct with the given fields.</summary>
    public static TypeSchema Struct(params (string Name, TypeSchema Type)[] fields) =>
        new() { Fields = fields.ToFrozenDictionary(f => f.Name, f => f.Type, StringComparer.Ordinal) };

    /// <summary>A struct apply treats as one value (<c>+structType=atomic</c>).</summary>
    public static TypeSchema AtomicStruct() => new() { Atomic = true };

    /// <summary>A map of entries (labels); <paramref name="atomic"/> for <c>+mapType=atomic</c> (selectors).</summary>
    public static TypeSchema MapOf(TypeSchema? element = null, bool atomic = false) =>
        new() { Kind = SchemaKind.Map, Element = element, Atomic = atomic };

    /// <summary>A list of objects merged by key both in strategic merge patch and in apply.</summary>
    /// <param name="item">The item schema.</param>
    /// <param name="mergeKey">The <c>patchMergeKey</c>.</param>
    /// <param name="applyKeys">The <c>listMapKey</c>s when they differ from the merge key.</param>
    public static TypeSchema Keyed(TypeSchema item, string mergeKey, params string[] applyKeys) => new()
    {
        Kind = SchemaKind.List,
        Element = item,
        ListType = ListType.Map,
        ListKeys = applyKeys.Length > 0 ? applyKeys : [mergeKey],
        PatchMerge = true,
        PatchMergeKey = mergeKey,
    };

    /// <summary>A list of objects merged by key in strategic merge patch but atomic for apply.</summary>
    public static TypeSchema MergedButAtomic(TypeSchema item, string mergeKey) => new()
    {
        Kind = SchemaKind.List,
        Element = item,
        PatchMerge = true,
        PatchMergeKey = mergeKey,
    };

    /// <summary>A list of objects replaced by strategic merge patch but merged by key for apply.</summary>
    public static TypeSchema KeyedForApply(TypeSchema item, params string[] applyKeys) => new()
    {
        Kind = SchemaKind.List,
        Element = item,
        ListType = ListType.Map,
        ListKeys = applyKeys,
    };

    /// <summary>A set of scalars (finalizers): merged by value in both algorithms.</summary>
    public static TypeSchema Set() => new() { Kind = SchemaKind.List, ListType = ListType.Set, PatchMerge = true };

    /// <summary>A list replaced as a whole in both algorithms.</summary>
    public static TypeSchema AtomicList(TypeSchema? item = null) => new() { Kind = SchemaKind.List, Element = item };

    /// <summary>This schema with the given defaults for key fields.</summary>
    public TypeSchema WithKeyDefaults(params (string Field, string Value)[] defaults) => this with
    {
        KeyDefaults = defaults.ToFrozenDictionary(d => d.Field, d => (JsonNode)JsonValue.Create(d.Value)!, StringComparer.Ordinal),
    };

    /// <summary>This field marked as always present in an empty object of its kind.</summary>
    public TypeSchema Present() => this with { AlwaysPresent = true };

    /// <summary>This struct with more fields.</summary>
    public TypeSchema With(params (string Name, TypeSchema Type)[] fields)
    {
        var merged = new Dictionary<string, TypeSchema>(Fields, StringComparer.Ordinal);
        foreach (var (name, type) in fields)
        {
            merged[name] = type;
        }
        return this with { Fields = merged.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    /// <summary>
    /// An empty object of this type as Go would encode a freshly allocated one: only the non-pointer structs exist.
    /// </summary>
    public JsonObject Skeleton()
    {
        var result = new JsonObject();
        foreach (var (name, field) in Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (field.AlwaysPresent)
            {
                result[name] = field.Kind == SchemaKind.List ? null : field.Skeleton();
            }
        }
        return result;
    }
}
