using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Selectors;

/// <summary>
/// A parsed field selector (<c>metadata.name=x,status.phase!=Running</c>). Only the fields the real API server
/// indexes for each kind are accepted; anything else is a 400 like "field label not supported".
/// </summary>
internal sealed class FieldSelector
{
    private static readonly string[] Common = ["metadata.name", "metadata.namespace"];

    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        ["Pod"] = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"],
        ["Event"] = ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type", "regarding.kind", "regarding.name", "regarding.namespace", "regarding.uid"],
        ["Node"] = ["spec.unschedulable"],
        ["Namespace"] = ["status.phase"],
        ["Secret"] = ["type"],
        ["ReplicaSet"] = ["status.replicas"],
        ["ReplicationController"] = ["status.replicas"],
        ["Job"] = ["status.successful"],
        ["CertificateSigningRequest"] = ["spec.signerName"],
    };

    /// <summary>What an absent field reads as: the API server selects on the defaulted Go value.</summary>
    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        ["spec.hostNetwork"] = "false",
        ["spec.unschedulable"] = "false",
        ["status.replicas"] = "0",
        ["status.successful"] = "0",
    };

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    /// <summary>
    /// Parses <c>field=value,field!=value</c>; a backslash escapes ',', '=', '!' and '\\' in values, and empty terms
    /// are skipped, as in the API server's parser.
    /// </summary>
    public static FieldSelector Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, bool, string)>();
        foreach (var part in SplitTerms(text))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }
            var (i, len, equal) = FindOperator(part) ?? throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            var field = part[..i].Trim();
            if (!Common.Contains(field) && !(ByKind.TryGetValue(kind, out var allowed) && allowed.Contains(field)))
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }
            terms.Add((field, equal, Unescape(part[(i + len)..].Trim(), text)));
        }
        return terms.Count == 0 ? Everything : new FieldSelector(terms);
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == ',')
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    /// <summary>The first unescaped operator: <c>!=</c>, <c>==</c> or <c>=</c>.</summary>
    private static (int Index, int Length, bool Equal)? FindOperator(string term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            switch (term[i])
            {
                case '\\':
                    i++;
                    break;
                case '!' when i + 1 < term.Length && term[i + 1] == '=':
                    return i > 0 ? (i, 2, false) : null;
                case '=':
                    return i == 0 ? null : i + 1 < term.Length && term[i + 1] == '=' ? (i, 2, true) : (i, 1, true);
            }
        }
        return null;
    }

    private static string Unescape(string value, string whole)
    {
        if (!value.Contains('\\'))
        {
            return value;
        }
        var result = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                result.Append(value[i]);
                continue;
            }
            if (i + 1 >= value.Length || value[i + 1] is not ('\\' or ',' or '=' or '!'))
            {
                throw ApiException.BadRequest($"invalid selector: '{whole}'; invalid escape sequence in '{value}'");
            }
            result.Append(value[++i]);
        }
        return result.ToString();
    }

    public bool Matches(JsonObject obj)
    {
        foreach (var (field, equal, value) in _terms)
        {
            var actual = Lookup(obj, field);
            if ((actual == value) != equal)
            {
                return false;
            }
        }
        return true;
    }

    private static string Lookup(JsonObject obj, string field)
    {
        if (field == "source")
        {
            return obj["source"]?["component"]?.ToString() ?? "";
        }
        JsonNode? node = obj;
        foreach (var segment in field.Split('.'))
        {
            node = node is JsonObject o ? o[segment] : null;
        }
        return node switch
        {
            null => Defaults.GetValueOrDefault(field, ""),
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToString(),
        };
    }
}
