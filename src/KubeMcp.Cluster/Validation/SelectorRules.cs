using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Validation;

/// <summary>Label selector syntax (<c>ValidateLabelSelector</c>) and matching.</summary>
internal static class SelectorRules
{
    public static bool IsEmpty(JsonObject selector) =>
        (JsonRead.Obj(selector, "matchLabels")?.Count ?? 0) == 0 && (Node.Arr(selector, "matchExpressions")?.Count ?? 0) == 0;

    public static void Validate(JsonObject selector, string path, List<FieldError> errors)
    {
        MetadataRules.Labels(JsonRead.Obj(selector, "matchLabels"), path + ".matchLabels", errors);
        foreach (var (expression, i) in Node.Items(selector, "matchExpressions"))
        {
            var at = $"{path}.matchExpressions[{i}]";
            var op = JsonRead.Str(expression, "operator") ?? "";
            var values = Node.Arr(expression, "values")?.Count ?? 0;
            switch (op)
            {
                case "In" or "NotIn" when values == 0:
                    errors.Add(Errors.Required(at + ".values", "must be specified when `operator` is 'In' or 'NotIn'"));
                    break;
                case "Exists" or "DoesNotExist" when values > 0:
                    errors.Add(Errors.Forbidden(at + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    break;
                case "In" or "NotIn" or "Exists" or "DoesNotExist":
                    break;
                default:
                    errors.Add(Errors.Invalid(at + ".operator", op, "not a valid selector operator"));
                    break;
            }
            var key = JsonRead.Str(expression, "key") ?? "";
            errors.AddRange(NameRules.QualifiedName(key).Select(m => Errors.Invalid(at + ".key", key, m)));
        }
    }

    /// <summary>Whether the labels satisfy the selector (all matchLabels and all expressions).</summary>
    public static bool Matches(JsonObject selector, JsonObject? labels)
    {
        string? Label(string key) => labels is not null && labels.TryGetPropertyValue(key, out var v) ? Go.Text(v) : null;
        foreach (var (key, value) in JsonRead.StringMap(selector, "matchLabels"))
        {
            if (Label(key) != value)
            {
                return false;
            }
        }
        foreach (var (expression, _) in Node.Items(selector, "matchExpressions"))
        {
            var actual = Label(JsonRead.Str(expression, "key") ?? "");
            var values = (Node.Arr(expression, "values") ?? []).Select(Go.Text).ToHashSet(StringComparer.Ordinal);
            var ok = JsonRead.Str(expression, "operator") switch
            {
                "In" => actual is not null && values.Contains(actual),
                "NotIn" => actual is null || !values.Contains(actual),
                "Exists" => actual is not null,
                "DoesNotExist" => actual is null,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Go's <c>%#v</c> of a LabelSelector, as the server prints it in selector errors.</summary>
    public static string GoValue(JsonObject? selector)
    {
        var labels = JsonRead.Obj(selector, "matchLabels");
        var expressions = Node.Arr(selector, "matchExpressions");
        var exprText = expressions is null || expressions.Count == 0
            ? "[]v1.LabelSelectorRequirement(nil)"
            : "[]v1.LabelSelectorRequirement{" + string.Join(", ", expressions.OfType<JsonObject>().Select(e =>
                $"v1.LabelSelectorRequirement{{Key:{Go.Quote(JsonRead.Str(e, "key") ?? "")}, Operator:{Go.Quote(JsonRead.Str(e, "operator") ?? "")}, " +
                $"Values:[]string{{{string.Join(", ", (Node.Arr(e, "values") ?? []).Select(v => Go.Quote(Go.Text(v))))}}}}}")) + "}";
        return $"v1.LabelSelector{{MatchLabels:{Go.StringMap(labels)}, MatchExpressions:{exprText}}}";
    }
}
