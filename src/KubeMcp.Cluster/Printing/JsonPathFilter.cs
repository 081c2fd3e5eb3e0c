using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// A filter predicate <c>?(left op right)</c>, or <c>?(left)</c> to test that a path exists. Each operand is a path
/// relative to the element (<c>@.status</c>, <c>@</c>) or a literal: a quoted string, a number, true, false or null.
/// </summary>
internal sealed record JsonPathFilter(JsonPathFilter.Operand Left, string? Operator, JsonPathFilter.Operand? Right)
{
    /// <summary>A relative path (<see cref="Path"/>) or a literal (<see cref="Literal"/>).</summary>
    public sealed record Operand(JsonPath? Path, JsonNode? Literal)
    {
        public IReadOnlyList<JsonNode?> Values(JsonNode? element) => Path is null ? [Literal] : Path.Evaluate(element);
    }

    public bool Matches(JsonNode? element)
    {
        var lefts = Left.Values(element);
        if (Operator is null)
        {
            return lefts.Count > 0;
        }
        var rights = Right!.Values(element);
        if (lefts.Count == 0 || rights.Count == 0)
        {
            return false;
        }
        var order = Compare(lefts[0], rights[0]);
        return Operator switch
        {
            "==" => order == 0,
            "!=" => order is not 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            _ => false,
        };
    }

    /// <summary>Compares two scalars of the same JSON type; null when they cannot be compared.</summary>
    private static int? Compare(JsonNode? a, JsonNode? b)
    {
        var kindA = a?.GetValueKind() ?? JsonValueKind.Null;
        var kindB = b?.GetValueKind() ?? JsonValueKind.Null;
        if (kindA == JsonValueKind.String && kindB == JsonValueKind.String)
        {
            return Math.Sign(string.CompareOrdinal(JsonRead.AsString((JsonValue)a!), JsonRead.AsString((JsonValue)b!)));
        }
        if (kindA == JsonValueKind.Number && kindB == JsonValueKind.Number)
        {
            return Number(a!).CompareTo(Number(b!));
        }
        if (kindA is JsonValueKind.True or JsonValueKind.False && kindB is JsonValueKind.True or JsonValueKind.False)
        {
            return kindA == kindB ? 0 : null;
        }
        return kindA == JsonValueKind.Null && kindB == JsonValueKind.Null ? 0 : null;
    }

    private static double Number(JsonNode node) =>
        double.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
