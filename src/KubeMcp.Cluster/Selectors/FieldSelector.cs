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

    private readonly IReadOnlyList<(string Field, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string, bool, string)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public static FieldSelector Parse(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string, bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (i, len, equal) = part.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0 ? (ne, 2, false)
                : part.IndexOf("==", StringComparison.Ordinal) is var ee and > 0 ? (ee, 2, true)
                : part.IndexOf('=') is var e and > 0 ? (e, 1, true)
                : throw ApiException.BadRequest($"invalid selector: '{text}'; can't understand '{part}'");
            var field = part[..i].Trim();
            if (!Common.Contains(field) && !(ByKind.TryGetValue(kind, out var allowed) && allowed.Contains(field)))
            {
                throw ApiException.BadRequest($"field label not supported: {field}");
            }
            terms.Add((field, equal, part[(i + len)..].Trim()));
        }
        return new FieldSelector(terms);
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
            null => "",
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            _ => node.ToString(),
        };
    }
}
