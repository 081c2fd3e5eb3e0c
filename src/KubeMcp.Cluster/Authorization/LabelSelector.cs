using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Authorization;

/// <summary>
/// A metav1.LabelSelector (<c>matchLabels</c> and <c>matchExpressions</c> with In, NotIn, Exists, DoesNotExist);
/// an empty selector matches every object.
/// </summary>
internal sealed class LabelSelector
{
    private readonly List<Func<IReadOnlyDictionary<string, string>, bool>> _requirements = [];

    private LabelSelector()
    {
    }

    /// <summary>Parses a selector; null (with a reason) when it cannot be evaluated, which matches nothing.</summary>
    public static LabelSelector? Parse(JsonObject selector, out string? error)
    {
        error = null;
        var result = new LabelSelector();
        if (JsonValues.Object(selector, "matchLabels") is { } matchLabels)
        {
            foreach (var (key, node) in matchLabels)
            {
                var value = node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
                if (value is null)
                {
                    error = $"matchLabels value for \"{key}\" must be a string";
                    return null;
                }
                result._requirements.Add(labels => labels.TryGetValue(key, out var actual) && actual == value);
            }
        }
        foreach (var expression in JsonValues.Objects(selector, "matchExpressions"))
        {
            var key = JsonValues.String(expression, "key");
            var op = JsonValues.String(expression, "operator");
            var values = JsonValues.Strings(expression, "values");
            Func<IReadOnlyDictionary<string, string>, bool>? requirement = op switch
            {
                "In" when values.Count > 0 => labels => labels.TryGetValue(key, out var actual) && values.Contains(actual),
                "NotIn" when values.Count > 0 => labels => !labels.TryGetValue(key, out var actual) || !values.Contains(actual),
                "Exists" when values.Count == 0 => labels => labels.ContainsKey(key),
                "DoesNotExist" when values.Count == 0 => labels => !labels.ContainsKey(key),
                _ => null,
            };
            if (requirement is null || key.Length == 0)
            {
                error = $"\"{op}\" is not a valid label selector operator for key \"{key}\" with {values.Count} values";
                return null;
            }
            result._requirements.Add(requirement);
        }
        return result;
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    /// <summary>The labels of an object's metadata; values that are not strings are ignored.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(JsonObject obj)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (JsonValues.Object(JsonValues.Object(obj, "metadata"), "labels") is { } json)
        {
            foreach (var (key, node) in json)
            {
                if (node is JsonValue v && v.TryGetValue(out string? value))
                {
                    labels[key] = value;
                }
            }
        }
        return labels;
    }
}
