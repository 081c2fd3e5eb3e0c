using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Selectors;

/// <summary>
/// A parsed label selector in the API's string syntax: <c>a=b</c>, <c>a==b</c>, <c>a!=b</c>, <c>a in (x,y)</c>,
/// <c>a notin (x)</c>, <c>a</c>, <c>!a</c>, comma-separated and all required.
/// </summary>
internal sealed class LabelSelector
{
    private readonly IReadOnlyList<Requirement> _requirements;

    private LabelSelector(IReadOnlyList<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEmpty => _requirements.Count == 0;

    /// <summary>Parses the query-string form; throws a 400 BadRequest that names the bad part.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Requirement>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }
        return new LabelSelector(requirements);
    }

    /// <summary>Builds a selector from the structured <c>LabelSelector</c> object (matchLabels + matchExpressions).</summary>
    public static LabelSelector FromObject(JsonObject? selector) =>
        selector is null ? Everything : FromObject(selector, strict: false, out _)!;

    /// <summary>
    /// Builds a selector only when it can be evaluated exactly as written: null (with the reason) when a matchLabels value
    /// is not a string, a key is empty, an operator is unknown, or its values do not fit it (In and NotIn need values,
    /// Exists and DoesNotExist take none).
    /// </summary>
    public static LabelSelector? TryFromObject(JsonObject selector, out string? error) =>
        FromObject(selector, strict: true, out error);

    private static LabelSelector? FromObject(JsonObject selector, bool strict, out string? error)
    {
        error = null;
        var requirements = new List<Requirement>();
        if (selector["matchLabels"] is JsonObject labels)
        {
            foreach (var (key, value) in labels)
            {
                if (strict && !(value is JsonValue v && v.GetValueKind() == JsonValueKind.String))
                {
                    error = $"matchLabels value for \"{key}\" must be a string";
                    return null;
                }
                requirements.Add(new Requirement(key, Operator.Equals, [value?.ToString() ?? ""]));
            }
        }
        if (selector["matchExpressions"] is JsonArray expressions)
        {
            foreach (var e in expressions.OfType<JsonObject>())
            {
                var key = e["key"]?.ToString() ?? "";
                var values = (e["values"] as JsonArray)?.Select(v => v?.ToString() ?? "").ToArray() ?? [];
                var name = e["operator"]?.ToString();
                Operator? op = name switch
                {
                    "In" => Operator.In,
                    "NotIn" => Operator.NotIn,
                    "Exists" => Operator.Exists,
                    "DoesNotExist" => Operator.DoesNotExist,
                    _ when strict => null,
                    _ => throw ApiException.BadRequest($"\"{name}\" is not a valid label selector operator"),
                };
                if (op is null || (strict && (key.Length == 0 || (op is Operator.In or Operator.NotIn) != (values.Length > 0))))
                {
                    error = $"\"{name}\" is not a valid label selector operator for key \"{key}\" with {values.Length} values";
                    return null;
                }
                requirements.Add(new Requirement(key, op.Value, values));
            }
        }
        return new LabelSelector(requirements);
    }

    public bool Matches(JsonObject? labels)
    {
        foreach (var r in _requirements)
        {
            var present = labels is not null && labels.TryGetPropertyValue(r.Key, out var node);
            var value = present ? labels![r.Key]?.ToString() : null;
            var ok = r.Op switch
            {
                Operator.Equals or Operator.In => present && r.Values.Contains(value),
                Operator.NotEquals or Operator.NotIn => !present || !r.Values.Contains(value),
                Operator.Exists => present,
                Operator.DoesNotExist => !present,
                Operator.GreaterThan => present && Compare(value, r.Values[0]) > 0,
                Operator.LessThan => present && Compare(value, r.Values[0]) < 0,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => string.Join(",", _requirements.Select(r => r.ToString()));

    /// <summary>Gt/Lt compare label values as integers; a value that is not one matches neither.</summary>
    private static int? Compare(string? value, string bound) =>
        long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v.CompareTo(long.Parse(bound, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    private static Requirement ParseRequirement(string part, string whole)
    {
        if (part.Length == 0)
        {
            throw Error(whole, "empty requirement");
        }
        if (part.StartsWith('!'))
        {
            return new Requirement(ValidKey(part[1..].Trim(), whole), Operator.DoesNotExist, []);
        }
        foreach (var (token, op) in new[]
                 {
                     ("!=", Operator.NotEquals), ("==", Operator.Equals), ("=", Operator.Equals),
                     (">", Operator.GreaterThan), ("<", Operator.LessThan),
                 })
        {
            var i = part.IndexOf(token, StringComparison.Ordinal);
            if (i > 0)
            {
                var key = ValidKey(part[..i].Trim(), whole);
                var value = part[(i + token.Length)..].Trim();
                if (op is Operator.GreaterThan or Operator.LessThan)
                {
                    if (!long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
                    {
                        throw Error(whole, $"for 'Gt', 'Lt' operators, the value must be an integer, not \"{value}\"");
                    }
                }
                else
                {
                    ValidValue(value, whole);
                }
                return new Requirement(key, op, [value]);
            }
        }
        var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 2)
        {
            var rest = words[1];
            var (op, list) = rest.StartsWith("notin", StringComparison.Ordinal) ? (Operator.NotIn, rest[5..].Trim())
                : rest.StartsWith("in", StringComparison.Ordinal) ? (Operator.In, rest[2..].Trim())
                : throw Error(whole, $"found '{rest}', expected: in, notin, =, ==, !=, gt, lt");
            if (!list.StartsWith('(') || !list.EndsWith(')'))
            {
                throw Error(whole, $"found '{list}', expected: '(' value list ')'");
            }
            if (list[1..^1].Trim().Length == 0)
            {
                throw Error(whole, "for 'in', 'notin' operators, values set can't be empty");
            }
            var values = list[1..^1].Split(',', StringSplitOptions.TrimEntries);
            foreach (var v in values)
            {
                ValidValue(v, whole);
            }
            return new Requirement(ValidKey(words[0], whole), op, values);
        }
        return new Requirement(ValidKey(part, whole), Operator.Exists, []);
    }

    /// <summary>A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    private static string ValidKey(string key, string whole)
    {
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        var prefix = slash < 0 ? null : key[..slash];
        if (prefix is not null && (prefix.Length is 0 or > 253 || !prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
                                   || !char.IsAsciiLetterOrDigit(prefix[0]) || !char.IsAsciiLetterOrDigit(prefix[^1])))
        {
            throw Error(whole, $"invalid label key \"{key}\": prefix part must be a lowercase RFC 1123 subdomain");
        }
        if (!IsQualifiedPart(name))
        {
            throw Error(whole, $"invalid label key \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', " +
                               "and must start and end with an alphanumeric character (at most 63 characters)");
        }
        return key;
    }

    private static void ValidValue(string value, string whole)
    {
        if (value.Length > 0 && !IsQualifiedPart(value))
        {
            throw Error(whole, $"invalid label value: \"{value}\": a valid label must be an empty string or consist of alphanumeric characters, " +
                               "'-', '_' or '.', and must start and end with an alphanumeric character (at most 63 characters)");
        }
    }

    private static bool IsQualifiedPart(string text) =>
        text.Length is > 0 and <= 63 && char.IsAsciiLetterOrDigit(text[0]) && char.IsAsciiLetterOrDigit(text[^1])
        && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static ApiException Error(string whole, string why) =>
        ApiException.BadRequest($"unable to parse requirement: {why} (selector \"{whole}\")");

    /// <summary>Splits on commas that are not inside a parenthesised value list.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }

    private enum Operator
    {
        Equals,
        NotEquals,
        In,
        NotIn,
        Exists,
        DoesNotExist,
        GreaterThan,
        LessThan,
    }

    private sealed record Requirement(string Key, Operator Op, IReadOnlyList<string> Values)
    {
        public override string ToString() => Op switch
        {
            Operator.Equals => $"{Key}={Values[0]}",
            Operator.NotEquals => $"{Key}!={Values[0]}",
            Operator.In => $"{Key} in ({string.Join(",", Values)})",
            Operator.NotIn => $"{Key} notin ({string.Join(",", Values)})",
            Operator.Exists => Key,
            Operator.GreaterThan => $"{Key}>{Values[0]}",
            Operator.LessThan => $"{Key}<{Values[0]}",
            _ => "!" + Key,
        };
    }
}
