using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Patching;

/// <summary>
/// Value semantics for <see cref="JsonNode"/> trees the way the Go libraries behind the API server see them: numbers
/// compare by value (<c>80</c> equals <c>80.0</c>), object member order is irrelevant, and a C# <c>null</c> is JSON null.
/// </summary>
internal static class JsonValues
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>Structural equality; numbers compare numerically.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (JsonObject oa, JsonObject ob):
                if (oa.Count != ob.Count)
                {
                    return false;
                }
                foreach (var (key, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonArray la, JsonArray lb):
                if (la.Count != lb.Count)
                {
                    return false;
                }
                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }
                return true;
            case (JsonValue va, JsonValue vb):
                return Rank(va) == Rank(vb) && CompareScalars(va, vb) == 0;
            default:
                return false;
        }
    }

    /// <summary>
    /// A total order over JSON values matching structured-merge-diff's: numbers, then strings, then booleans, then
    /// lists, then maps, then null.
    /// </summary>
    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var ra = Rank(a);
        var rb = Rank(b);
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }
        switch (a, b)
        {
            case (JsonArray la, JsonArray lb):
                for (var i = 0; i < Math.Min(la.Count, lb.Count); i++)
                {
                    var c = Compare(la[i], lb[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return la.Count.CompareTo(lb.Count);
            case (JsonObject oa, JsonObject ob):
                return string.CompareOrdinal(Canonical(oa), Canonical(ob));
            case (JsonValue va, JsonValue vb):
                return CompareScalars(va, vb);
            default:
                return 0;
        }
    }

    public static bool IsNumber(JsonNode? node) => KindOf(node) == JsonValueKind.Number;

    /// <summary>True for a number written without fraction or exponent (Go decodes it as an int64).</summary>
    public static bool IsInteger(JsonNode? node)
    {
        if (!IsNumber(node))
        {
            return false;
        }
        var text = node!.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0;
    }

    /// <summary>Compact JSON with object members sorted by name and integral numbers without a fraction.</summary>
    public static string Canonical(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteCanonical(builder, node);
        return builder.ToString();
    }

    /// <summary>Compact JSON without escaping of non-ASCII characters.</summary>
    public static string Compact(JsonNode? node) => node is null ? "null" : node.ToJsonString(Relaxed);

    private static void WriteCanonical(StringBuilder builder, JsonNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject o:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }
                    first = false;
                    builder.Append(JsonSerializer.Serialize(key, Relaxed)).Append(':');
                    WriteCanonical(builder, value);
                }
                builder.Append('}');
                break;
            case JsonArray a:
                builder.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    WriteCanonical(builder, a[i]);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(IsNumber(node) ? CanonicalNumber(node) : Compact(node));
                break;
        }
    }

    private static string CanonicalNumber(JsonNode node)
    {
        var text = node.ToJsonString();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d))
        {
            return decimal.Truncate(d).ToString(CultureInfo.InvariantCulture);
        }
        return text;
    }

    private static int Rank(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Number => 0,
        JsonValueKind.String => 1,
        JsonValueKind.True or JsonValueKind.False => 2,
        JsonValueKind.Array => 3,
        JsonValueKind.Object => 4,
        _ => 5,
    };

    private static int CompareScalars(JsonValue a, JsonValue b)
    {
        var ka = a.GetValueKind();
        var kb = b.GetValueKind();
        if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
        {
            var ta = a.ToJsonString();
            var tb = b.ToJsonString();
            if (decimal.TryParse(ta, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
                && decimal.TryParse(tb, NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
            {
                return da.CompareTo(db);
            }
            return double.Parse(ta, CultureInfo.InvariantCulture).CompareTo(double.Parse(tb, CultureInfo.InvariantCulture));
        }
        if (ka == JsonValueKind.String && kb == JsonValueKind.String)
        {
            return string.CompareOrdinal(a.GetValue<string>(), b.GetValue<string>());
        }
        if (ka is JsonValueKind.True or JsonValueKind.False && kb is JsonValueKind.True or JsonValueKind.False)
        {
            return (ka == JsonValueKind.True).CompareTo(kb == JsonValueKind.True);
        }
        return Rank(a).CompareTo(Rank(b));
    }
}
