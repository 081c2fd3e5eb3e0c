using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authorization;

/// <summary>One rule of a Role or ClusterRole, with RBAC's matching semantics.</summary>
internal sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    private const string All = "*";

    public static PolicyRule FromJson(JsonObject rule) => new(
        rule.Strings("verbs"),
        rule.Strings("apiGroups"),
        rule.Strings("resources"),
        rule.Strings("resourceNames"),
        rule.Strings("nonResourceURLs"));

    /// <summary>The rules of a Role or ClusterRole object; malformed entries are skipped.</summary>
    public static IReadOnlyList<PolicyRule> FromRole(JsonObject role) =>
        role.Objects("rules").Select(FromJson).ToArray();

    public bool Allows(RequestAttributes request) => request.IsResourceRequest
        ? MatchesVerb(request.Verb) && MatchesApiGroup(request.ApiGroup) &&
          MatchesResource(request.ResourceWithSubresource, request.Subresource) && MatchesResourceName(request.Name)
        : MatchesVerb(request.Verb) && MatchesNonResourceUrl(request.Path);

    public bool MatchesVerb(string verb) => Verbs.Any(v => v == All || v == verb);

    public bool MatchesApiGroup(string group) => ApiGroups.Any(g => g == All || g == group);

    /// <summary>
    /// <c>*</c> matches everything (subresources too), <c>pods</c> only the resource itself, <c>pods/log</c> only that
    /// subresource, and <c>*/scale</c> that subresource of any resource.
    /// </summary>
    public bool MatchesResource(string resourceWithSubresource, string subresource) => Resources.Any(r =>
        r == All ||
        r == resourceWithSubresource ||
        (subresource.Length > 0 && r.Length == subresource.Length + 2 && r.StartsWith("*/", StringComparison.Ordinal) &&
         r.EndsWith(subresource, StringComparison.Ordinal)));

    /// <summary>An empty list allows every name, including none (collections); otherwise the name must be listed.</summary>
    public bool MatchesResourceName(string name) => ResourceNames.Count == 0 || ResourceNames.Contains(name);

    /// <summary>Exact paths, <c>*</c>, or a prefix ending in <c>*</c> such as <c>/apis/*</c>.</summary>
    public bool MatchesNonResourceUrl(string path) => NonResourceUrls.Any(u =>
        u == All ||
        u == path ||
        (u.EndsWith('*') && path.StartsWith(u.TrimEnd('*'), StringComparison.Ordinal)));

    /// <summary>Field-by-field equality, treating a missing list as empty (how the aggregation controller compares).</summary>
    public bool SameAs(PolicyRule other) =>
        Verbs.SequenceEqual(other.Verbs) && ApiGroups.SequenceEqual(other.ApiGroups) &&
        Resources.SequenceEqual(other.Resources) && ResourceNames.SequenceEqual(other.ResourceNames) &&
        NonResourceUrls.SequenceEqual(other.NonResourceUrls);

    /// <summary>The wire form, omitting empty lists as the API server does.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode?)v)]) };
        if (ApiGroups.Count > 0)
        {
            json["apiGroups"] = new JsonArray([.. ApiGroups.Select(v => (JsonNode?)v)]);
        }
        if (Resources.Count > 0)
        {
            json["resources"] = new JsonArray([.. Resources.Select(v => (JsonNode?)v)]);
        }
        if (ResourceNames.Count > 0)
        {
            json["resourceNames"] = new JsonArray([.. ResourceNames.Select(v => (JsonNode?)v)]);
        }
        if (NonResourceUrls.Count > 0)
        {
            json["nonResourceURLs"] = new JsonArray([.. NonResourceUrls.Select(v => (JsonNode?)v)]);
        }
        return json;
    }
}
