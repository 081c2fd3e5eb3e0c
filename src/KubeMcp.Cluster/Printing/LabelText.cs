using System.Text;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Label maps and label selectors as the API server's printers write them: keys sorted, <c>k=v</c> joined by commas,
/// set-based requirements as <c>key in (a,b)</c>, <c>key notin (a)</c>, <c>key</c> and <c>!key</c>.
/// </summary>
internal static class LabelText
{
    public const string None = "<none>";

    /// <summary>A label map as <c>a=1,b=2</c>, or <c>&lt;none&gt;</c> when empty.</summary>
    public static string FormatMap(JsonNode? map)
    {
        var text = string.Join(",", map.StringMap()
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        return text.Length == 0 ? None : text;
    }

    /// <summary>
    /// A <c>LabelSelector</c> as <c>metav1.FormatLabelSelector</c> prints it: <c>&lt;none&gt;</c> when it selects
    /// everything or is absent, <c>&lt;error&gt;</c> when an expression is malformed.
    /// </summary>
    public static string FormatSelector(JsonNode? selector)
    {
        var text = SelectorString(selector);
        return text switch
        {
            null => "<error>",
            "" => None,
            _ => text,
        };
    }

    /// <summary>
    /// The selector's string form (empty when it has no requirements), or null when an expression is malformed.
    /// </summary>
    public static string? SelectorString(JsonNode? selector)
    {
        var requirements = new List<(string Key, string Text)>();
        foreach (var (key, value) in selector.StringMap("matchLabels"))
        {
            requirements.Add((key, $"{key}={value}"));
        }
        foreach (var expression in selector.Objects("matchExpressions"))
        {
            var key = expression.Text("key");
            var values = expression.Strings("values");
            var text = expression.Text("operator") switch
            {
                "In" when values.Count > 0 => $"{key} in ({SortedValues(values)})",
                "NotIn" when values.Count > 0 => $"{key} notin ({SortedValues(values)})",
                "Exists" when values.Count == 0 => key,
                "DoesNotExist" when values.Count == 0 => "!" + key,
                _ => null,
            };
            if (text is null)
            {
                return null;
            }
            requirements.Add((key, text));
        }

        var sb = new StringBuilder();
        foreach (var (_, text) in requirements.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }
            sb.Append(text);
        }
        return sb.ToString();
    }

    private static string SortedValues(IEnumerable<string> values) =>
        string.Join(",", values.Order(StringComparer.Ordinal));
}
