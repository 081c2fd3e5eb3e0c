using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// Builds the tree an object is stored as: a copy of what was written that holds nothing else and repeats nothing
/// it can share. Objects written over HTTP arrive as nodes that refer into their request body's parsed document,
/// which each kept alive whole (text and parser index) for as long as any value from it was stored; and every
/// object spelled out the same property names and common values (<c>"True"</c>, <c>"ClusterFirst"</c>, image names)
/// as strings of its own. The copy is made of plain nodes whose strings are shared through a small cache, refers to
/// parts it has alike with other objects (<see cref="SharedSubtrees"/>), and keeps <c>metadata.managedFields</c> as
/// its JSON text (<see cref="RawJson"/>). Not thread-safe: the store calls it under its lock.
/// </summary>
internal sealed class SnapshotCompactor
{
    // A direct-mapped cache: a string evicts whatever shared its slot, so values seen once (uids, timestamps) cost a
    // slot for a while but never grow the cache, and names and values that recur in every object stay.
    private const int StringSlots = 1 << 14;
    private const int MaxScalars = 4096;

    private readonly string?[] _strings = new string?[StringSlots];

    // Numbers and booleans that arrived as parsed JSON stay that way (readers may ask for any numeric type), on one
    // small shared document per distinct value instead of their request body's.
    private readonly Dictionary<string, JsonElement> _scalars = new(StringComparer.Ordinal);

    private readonly SharedSubtrees _shared = new();

    /// <summary>A compact copy of <paramref name="source"/>, which is not changed.</summary>
    public JsonObject Compact(JsonObject source)
    {
        var properties = new KeyValuePair<string, JsonNode?>[source.Count];
        var i = 0;
        foreach (var (name, value) in source)
        {
            properties[i++] = KeyValuePair.Create(Intern(name), (name, value) switch
            {
                ("metadata", JsonObject metadata) => CopyPart(metadata, isMetadata: true),
                // Not the status: controllers and printers read into it all the time, which builds the nodes
                // sharing saves, and its parts differ from object to object (times, addresses, ids) anyway.
                (not "status", JsonObject part) => CopyPart(part, isMetadata: false),
                _ => Copy(value),
            });
        }
        return new JsonObject(properties);
    }

    /// <summary>Returns the cached string equal to <paramref name="text"/>, caching it if its slot holds another.</summary>
    public string Intern(string text)
    {
        var slot = (text.GetHashCode() & int.MaxValue) % StringSlots;
        var cached = _strings[slot];
        if (cached is not null && string.Equals(cached, text, StringComparison.Ordinal))
        {
            return cached;
        }
        _strings[slot] = text;
        return text;
    }

    /// <summary>
    /// A top-level part (metadata, spec…): its fields that are objects or lists are what objects most often have
    /// alike (see <see cref="SharedSubtrees"/>).
    /// </summary>
    private JsonObject CopyPart(JsonObject part, bool isMetadata)
    {
        var properties = new KeyValuePair<string, JsonNode?>[part.Count];
        var i = 0;
        foreach (var (name, value) in part)
        {
            var copy = isMetadata && name == "managedFields" && value is JsonArray { Count: > 0 } entries
                // The field sets are deep trees of small objects, about half of an object's nodes, that only
                // server-side apply reads; as text they take a fraction of that, and responses copy it out as it is.
                ? RawJson.From(entries)
                : value is null ? null : _shared.Find(value) ?? Copy(value);
            properties[i++] = KeyValuePair.Create(Intern(name), copy);
        }
        return new JsonObject(properties);
    }

    // Built from an array of its properties, so that its dictionary is sized to fit them instead of grown by
    // doubling: a node tree is mostly the dictionaries of small objects.
    private JsonObject CopyObject(JsonObject source)
    {
        var properties = new KeyValuePair<string, JsonNode?>[source.Count];
        var i = 0;
        foreach (var (name, value) in source)
        {
            properties[i++] = KeyValuePair.Create(Intern(name), Copy(value));
        }
        return new JsonObject(properties);
    }

    private JsonNode? Copy(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return CopyObject(obj);
            case JsonArray array:
                var items = new JsonNode?[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Copy(array[i]);
                }
                return new JsonArray(items);
            case JsonValue value:
                return CopyValue(value);
            default:
                return node.DeepClone();
        }
    }

    private JsonNode? CopyValue(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => JsonValue.Create(Intern(element.GetString()!)),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => JsonValue.Create(Scalar(element)),
                _ => value.DeepClone(),
            };
        }
        if (value.TryGetValue<string>(out var text))
        {
            return JsonValue.Create(Intern(text));
        }
        return RawJson.Share(value) ?? value.DeepClone();
    }

    private JsonElement Scalar(JsonElement element)
    {
        var text = element.GetRawText();
        if (_scalars.TryGetValue(text, out var shared))
        {
            return shared;
        }
        shared = JsonSerializer.Deserialize<JsonElement>(text);
        if (_scalars.Count < MaxScalars)
        {
            _scalars[text] = shared;
        }
        return shared;
    }
}
