using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KubeMcp.Cluster.Store;

/// <summary>
/// A JSON value held as its compact UTF-8 text inside a node tree: written out verbatim, and turned into nodes only
/// when read. A stored object keeps rarely read parts this way (see <see cref="ObjectStore"/>), because a node tree
/// costs several times its text. <see cref="JsonNode.DeepClone"/> of such a value gives the parsed nodes, so copies
/// that are changed and stored again are ordinary trees.
/// </summary>
internal sealed class RawJson
{
    private static readonly JsonTypeInfo<RawJson> TypeInfo =
        JsonMetadataServices.CreateValueInfo<RawJson>(JsonSerializerOptions.Default, new Converter());

    private readonly byte[] _utf8;

    private RawJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>Bytes of text held.</summary>
    public int Length => _utf8.Length;

    /// <summary>A node holding <paramref name="node"/> as its text.</summary>
    public static JsonValue From(JsonNode node) => JsonValue.Create(new RawJson(JsonUtf8.ToBytes(node)), TypeInfo)!;

    /// <summary>
    /// <paramref name="node"/> as nodes a reader can walk: a raw value is parsed (afresh for each call, so readers
    /// never share nodes), anything else is returned as it is.
    /// </summary>
    [return: NotNullIfNotNull(nameof(node))]
    public static JsonNode? Expand(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<RawJson>(out var raw) ? JsonNode.Parse(raw._utf8) : node;

    /// <summary>A new node holding the same text as <paramref name="value"/>, if that holds raw JSON; else null.</summary>
    public static JsonValue? Share(JsonValue value) =>
        value.TryGetValue<RawJson>(out var raw) ? JsonValue.Create(raw, TypeInfo) : null;

    private sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new RawJson(JsonSerializer.SerializeToUtf8Bytes(document.RootElement));
        }

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._utf8, skipInputValidation: true);
    }
}
