using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Validation;

/// <summary>
/// The reads validation needs beyond <see cref="Serialization.JsonRead"/>: integers only when written as integers
/// (the field checker reports <c>1.5</c> for an int field), and array items with their index for field paths.
/// </summary>
internal static class Node
{
    public static JsonArray? Arr(JsonNode? parent, string key) => (parent as JsonObject)?[key] as JsonArray;

    public static long? Int(JsonNode? parent, string key) =>
        JsonObjectExtensions.AsInteger((parent as JsonObject)?[key]);

    public static bool Has(JsonNode? parent, string key) => (parent as JsonObject)?[key] is not null;

    public static IEnumerable<(JsonObject Item, int Index)> Items(JsonNode? parent, string key) =>
        Arr(parent, key) is { } array ? array.Select((n, i) => (n as JsonObject, i)).Where(x => x.Item1 is not null).Select(x => (x.Item1!, x.i)) : [];
}
