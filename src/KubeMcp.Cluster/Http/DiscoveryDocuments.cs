using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// The discovery documents: aggregated (<c>apidiscovery.k8s.io/v2</c>, what kubectl 1.32 asks for first) and the legacy
/// per-group-version <c>APIResourceList</c>s, both derived from the resource catalog.
/// </summary>
internal static class DiscoveryDocuments
{
    public const string AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static JsonObject Versions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(ResourceCatalog catalog) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(catalog.Groups.Where(g => g.Length > 0).Select(g => (JsonNode)Group(catalog, g)).ToArray()),
    };

    public static JsonObject Group(ResourceCatalog catalog, string group)
    {
        var versions = VersionsOf(catalog, group);
        return new JsonObject
        {
            ["kind"] = "APIGroup",
            ["apiVersion"] = "v1",
            ["name"] = group,
            ["versions"] = new JsonArray(versions.Select(v => (JsonNode)GroupVersion(group, v)).ToArray()),
            ["preferredVersion"] = GroupVersion(group, versions[0]),
        };
    }

    public static JsonObject ResourceList(ResourceCatalog catalog, string group, string version)
    {
        var resources = new JsonArray();
        foreach (var t in catalog.All.Where(t => t.Group == group && t.Version == version))
        {
            var r = new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = Strings(t.Verbs),
            };
            if (t.ShortNames.Count > 0)
            {
                r["shortNames"] = Strings(t.ShortNames);
            }
            if (t.Categories.Count > 0)
            {
                r["categories"] = Strings(t.Categories);
            }
            resources.Add(r);
            foreach (var sub in t.Subresources)
            {
                var (kind, verbs) = Subresource(t, sub);
                var s = new JsonObject
                {
                    ["name"] = $"{t.Plural}/{sub}",
                    ["singularName"] = "",
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = kind.Kind,
                    ["verbs"] = Strings(verbs),
                };
                if (kind.Group != group || kind.Version != version)
                {
                    s["group"] = kind.Group;
                    s["version"] = kind.Version;
                }
                resources.Add(s);
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    /// <summary>The aggregated document for <c>/api</c> (core only) or <c>/apis</c> (every other group).</summary>
    public static JsonObject Aggregated(ResourceCatalog catalog, bool core)
    {
        var items = new JsonArray();
        foreach (var group in catalog.Groups.Where(g => (g.Length == 0) == core))
        {
            var versions = new JsonArray();
            foreach (var version in VersionsOf(catalog, group))
            {
                var resources = new JsonArray();
                foreach (var t in catalog.All.Where(t => t.Group == group && t.Version == version))
                {
                    var r = new JsonObject
                    {
                        ["resource"] = t.Plural,
                        ["responseKind"] = Gvk(t.Group, t.Version, t.Kind),
                        ["scope"] = t.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = t.Singular,
                        ["verbs"] = Strings(t.Verbs),
                    };
                    if (t.ShortNames.Count > 0)
                    {
                        r["shortNames"] = Strings(t.ShortNames);
                    }
                    if (t.Categories.Count > 0)
                    {
                        r["categories"] = Strings(t.Categories);
                    }
                    if (t.Subresources.Count > 0)
                    {
                        r["subresources"] = new JsonArray(t.Subresources.Select(sub =>
                        {
                            var (kind, verbs) = Subresource(t, sub);
                            return (JsonNode)new JsonObject
                            {
                                ["subresource"] = sub,
                                ["responseKind"] = Gvk(kind.Group, kind.Version, kind.Kind),
                                ["verbs"] = Strings(verbs),
                            };
                        }).ToArray());
                    }
                    resources.Add(r);
                }
                versions.Add(new JsonObject { ["version"] = version, ["resources"] = resources, ["freshness"] = "Current" });
            }
            items.Add(new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = group, ["creationTimestamp"] = null },
                ["versions"] = versions,
            });
        }
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    /// <summary>Served versions of a group, preferred first (catalog order).</summary>
    public static IReadOnlyList<string> VersionsOf(ResourceCatalog catalog, string group) =>
        catalog.All.Where(t => t.Group == group).Select(t => t.Version).Distinct().ToList();

    private static ((string Group, string Version, string Kind), string[] Verbs) Subresource(ResourceType t, string sub) => sub switch
    {
        "scale" => (("autoscaling", "v1", "Scale"), ["get", "patch", "update"]),
        "status" or "ephemeralcontainers" or "resize" or "approval" => ((t.Group, t.Version, t.Kind), ["get", "patch", "update"]),
        "log" => (("", "v1", "Pod"), ["get"]),
        "exec" => (("", "v1", "PodExecOptions"), ["create", "get"]),
        "attach" => (("", "v1", "PodAttachOptions"), ["create", "get"]),
        "portforward" => (("", "v1", "PodPortForwardOptions"), ["create", "get"]),
        "proxy" => (("", "v1", t.Kind + "ProxyOptions"), ["create", "delete", "get", "patch", "update"]),
        "eviction" => (("policy", "v1", "Eviction"), ["create"]),
        "binding" => (("", "v1", "Binding"), ["create"]),
        "token" => (("authentication.k8s.io", "v1", "TokenRequest"), ["create"]),
        "finalize" => (("", "v1", "Namespace"), ["update"]),
        _ => ((t.Group, t.Version, t.Kind), ["get"]),
    };

    private static JsonObject Gvk(string group, string version, string kind) =>
        new() { ["group"] = group, ["version"] = version, ["kind"] = kind };

    private static JsonObject GroupVersion(string group, string version) =>
        new() { ["groupVersion"] = $"{group}/{version}", ["version"] = version };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
