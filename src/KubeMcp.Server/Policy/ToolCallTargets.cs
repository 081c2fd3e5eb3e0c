using System.Text.Json;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;
using KubeMcp.Server.Tools;

namespace KubeMcp.Server.Policy;

/// <summary>
/// Works out what a tool call would do (verb, namespace, kind, name) from its raw arguments, before the tool runs.
/// Kinds are resolved through discovery so that <c>secrets</c> or <c>SECRET</c> cannot slip past a rule about
/// <c>Secret</c>; when resolution fails the kind is kept as written (the tool will then fail on it anyway).
/// </summary>
internal static class ToolCallTargets
{
    public static async Task<IReadOnlyList<ToolCallTarget>> DescribeAsync(
        string tool, ToolHints hints, IDictionary<string, JsonElement>? args, KubeApi? api, CancellationToken ct)
    {
        var defaultNs = api?.DefaultNamespace ?? "default";
        string? Arg(string name) =>
            args is not null && args.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
                ? v.GetString()!.Trim()
                : null;
        bool Has(string name) => args is not null && args.TryGetValue(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
        ToolCallTarget T(string verb, string? ns, string? kind, string? name = null) => new(tool, verb, ns, kind, name);

        switch (tool)
        {
            case "pods_list":
                return [T(PolicyVerbs.List, null, "Pod")];
            case "pods_list_in_namespace":
                return [T(PolicyVerbs.List, Arg("namespace") ?? defaultNs, "Pod")];
            case "pods_get" or "pods_log":
                return [T(PolicyVerbs.Get, Arg("namespace") ?? defaultNs, "Pod", Arg("name"))];
            case "pods_top":
                return [T(Arg("name") is null ? PolicyVerbs.List : PolicyVerbs.Get, Arg("namespace") ?? (Arg("name") is null ? null : defaultNs), "Pod", Arg("name"))];
            case "pods_delete":
                return [T(PolicyVerbs.Delete, Arg("namespace") ?? defaultNs, "Pod", Arg("name"))];
            case "pods_exec":
                return [T(PolicyVerbs.Exec, Arg("namespace") ?? defaultNs, "Pod", Arg("name"))];
            case "pods_run":
                return [T(PolicyVerbs.Create, Arg("namespace") ?? defaultNs, "Pod", Arg("name"))];
            case "events_list":
                return [T(PolicyVerbs.List, Arg("namespace"), "Event")];
            case "namespaces_list" or "projects_list":
                return [T(PolicyVerbs.List, null, "Namespace")];
            case "nodes_log" or "nodes_stats_summary" or "nodes_top":
                return [T(Arg("name") is null ? PolicyVerbs.List : PolicyVerbs.Get, null, "Node", Arg("name"))];
            case "helm_list":
                return [T(PolicyVerbs.List, Has("all_namespaces") ? null : Arg("namespace") ?? defaultNs, "HelmRelease")];
            case "helm_install":
                return [T(PolicyVerbs.Create, Arg("namespace") ?? defaultNs, "HelmRelease", Arg("name"))];
            case "helm_uninstall":
                return [T(PolicyVerbs.Delete, Arg("namespace") ?? defaultNs, "HelmRelease", Arg("name"))];
            case "configuration_view" or "configuration_contexts_list":
                return [T(PolicyVerbs.Get, null, "Kubeconfig")];
            case "resources_list" or "resources_get" or "resources_delete" or "resources_scale":
            {
                var verb = tool switch
                {
                    "resources_list" => PolicyVerbs.List,
                    "resources_get" => PolicyVerbs.Get,
                    "resources_delete" => PolicyVerbs.Delete,
                    _ => Has("scale") ? PolicyVerbs.Patch : PolicyVerbs.Get,
                };
                var (kind, namespaced) = await ResolveAsync(api, Arg("apiVersion"), Arg("kind"), ct);
                var ns = !namespaced ? null : Arg("namespace") ?? (verb == PolicyVerbs.List ? null : defaultNs);
                return [T(verb, ns, kind, Arg("name"))];
            }
            case "resources_create_or_update":
                return await ManifestTargetsAsync(tool, Arg("resource"), api, defaultNs, ct);
            default:
                // A tool this table does not know (added later): judge it by its hints alone.
                return [T(hints.ReadOnly ? PolicyVerbs.Get : PolicyVerbs.Patch, Arg("namespace"), null, Arg("name"))];
        }
    }

    private static async Task<IReadOnlyList<ToolCallTarget>> ManifestTargetsAsync(
        string tool, string? text, KubeApi? api, string defaultNs, CancellationToken ct)
    {
        IReadOnlyList<System.Text.Json.Nodes.JsonObject> manifests;
        try
        {
            manifests = text is null ? [] : ManifestReader.Read(text, "resource");
        }
        catch (ToolArgumentException)
        {
            manifests = [];
        }
        if (manifests.Count == 0)
        {
            return [new ToolCallTarget(tool, PolicyVerbs.Patch, defaultNs, null, null)];
        }
        var targets = new List<ToolCallTarget>();
        foreach (var m in manifests)
        {
            var (kind, namespaced) = await ResolveAsync(api, m.Str("apiVersion"), m.Str("kind"), ct);
            targets.Add(new ToolCallTarget(tool, PolicyVerbs.Patch, namespaced ? m.Str("metadata.namespace") ?? defaultNs : null, kind, m.Str("metadata.name")));
        }
        return targets;
    }

    private static async Task<(string? Kind, bool Namespaced)> ResolveAsync(KubeApi? api, string? apiVersion, string? kind, CancellationToken ct)
    {
        if (kind is null)
        {
            return (null, true);
        }
        if (api is not null && apiVersion is not null)
        {
            try
            {
                var resource = await api.Resources.ResolveAsync(apiVersion, kind, ct);
                return (resource.Kind, resource.Namespaced);
            }
            catch (Exception e) when (e is ToolArgumentException or KubeApiException or ClusterUnreachableException)
            {
            }
        }
        // Unresolved: assume namespaced, so a protected namespace named in the call still counts.
        return (kind, !string.Equals(kind, "Namespace", StringComparison.OrdinalIgnoreCase));
    }
}
