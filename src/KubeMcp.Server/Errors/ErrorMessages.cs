using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Errors;

/// <summary>Words for failures that a model can act on: what was wrong, where, and what to try instead.</summary>
internal static class ErrorMessages
{
    private const int NamesShown = 20;

    public static bool IsUnexpected(Exception e) => e is not (ToolArgumentException or ToolFailedException or KubeApiException
        or ClusterUnreachableException or ClusterConfigurationException);

    public static async Task<string> DescribeAsync(Exception e, ClusterConnections connections, IDictionary<string, JsonElement>? arguments, CancellationToken ct)
    {
        switch (e)
        {
            case ToolArgumentException or ToolFailedException or ClusterConfigurationException:
                return e.Message;
            case ClusterUnreachableException unreachable:
                return $"{unreachable.Message}. Check that the cluster is running and that the kubeconfig context points at it.";
            case KubeApiException api:
                return await DescribeApiAsync(api, connections, ContextOf(arguments), ct);
            default:
                return $"the tool failed unexpectedly ({e.GetType().Name}: {e.Message}).";
        }
    }

    private static string? ContextOf(IDictionary<string, JsonElement>? arguments) =>
        arguments is not null && arguments.TryGetValue(KubeTool.ContextParameter, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static async Task<string> DescribeApiAsync(KubeApiException e, ClusterConnections connections, string? context, CancellationToken ct)
    {
        var t = e.Target;
        var what = t is null ? "the request" : t.Name is null ? t.Resource.Plural : $"{t.Resource.Noun} {t.Name}";
        var where = t?.Namespace is { } ns && t.Resource.Namespaced ? $" in namespace {ns}" : "";
        switch (e.StatusCode)
        {
            case 404 when t?.Name is not null:
                return $"{what} not found{where}" + await AlternativesAsync(t, connections, context, ct);
            case 404:
                return $"not found: {e.Message}";
            case 403 when Authentication.ImpersonationScope.Current is { } caller:
                return $"forbidden: {e.Message}. The server acts on the cluster as the caller ({caller}), and the cluster's RBAC " +
                    $"does not allow {t?.Verb ?? "this request"} on {t?.Resource.Plural ?? "this resource"}{where} for them; ask a cluster admin to grant it.";
            case 403:
                return $"forbidden: {e.Message}. The identity in the kubeconfig lacks this permission (RBAC); " +
                    "ask for it to be granted or use a context that has it.";
            case 401:
                return $"the API server rejected the credentials (401 Unauthorized): {e.Message}. The token or certificate in the kubeconfig is missing, wrong or expired.";
            case 409 when e.Reason == "AlreadyExists":
                return $"{what} already exists{where}; pick another name, or use resources_create_or_update to change it.";
            case 409:
                return $"conflict: {e.Message}. The object changed meanwhile; read it again and retry.";
            case 422:
                return $"the API server rejected {what} as invalid: {e.Message}";
            case 400:
                return $"the API server rejected the request as malformed: {e.Message}";
            case 405:
                return $"the API server does not allow this operation: {e.Message}";
            case 429:
                return "the API server is throttling requests (429 Too Many Requests); wait a moment and retry.";
            default:
                var verb = t?.Verb ?? "request";
                return $"{verb} {what}{where} failed ({e.StatusCode} {e.Reason}): {e.Message}";
        }
    }

    /// <summary>"; pods there: a, b, c" — cheap (one list call) and often exactly what the model needed.</summary>
    private static async Task<string> AlternativesAsync(ApiTarget target, ClusterConnections connections, string? context, CancellationToken ct)
    {
        try
        {
            var api = connections.Get(context);
            var ns = target.Resource.Namespaced ? target.Namespace : null;
            var list = await api.ListAsync(target.Resource, ns, new ListQuery(Limit: 200), asTable: false, ct);
            var names = (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => i.Str("metadata.name") ?? "").Where(n => n.Length > 0).ToList();
            if (names.Count == 0)
            {
                if (ns is not null && !await NamespaceExistsAsync(api, ns, ct))
                {
                    return $"; namespace {ns} does not exist either (namespaces_list shows the namespaces).";
                }
                return $"; there are no {target.Resource.Plural}{(ns is null ? "" : $" in namespace {ns}")}.";
            }
            var similar = names.OrderBy(n => Distance(n, target.Name!)).Take(NamesShown).ToList();
            var more = names.Count > similar.Count ? $" (and {names.Count - similar.Count} more)" : "";
            return $"; {target.Resource.Plural} there: {string.Join(", ", similar)}{more}.";
        }
        catch (Exception)
        {
            // The alternatives are a courtesy; the original error stands on its own.
            return ".";
        }
    }

    private static async Task<bool> NamespaceExistsAsync(KubeApi api, string ns, CancellationToken ct)
    {
        try
        {
            await api.GetObjectAsync(ApiResource.Namespaces, null, ns, ct);
            return true;
        }
        catch (KubeApiException e) when (e.StatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Names sharing a long prefix with the one asked for come first.</summary>
    private static int Distance(string candidate, string wanted)
    {
        var common = 0;
        while (common < candidate.Length && common < wanted.Length && candidate[common] == wanted[common])
        {
            common++;
        }
        return -common * 100 + Math.Abs(candidate.Length - wanted.Length);
    }
}
