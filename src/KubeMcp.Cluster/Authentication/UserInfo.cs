using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Who a request acts as, after authentication and impersonation: the <c>user.Info</c> every authorizer and review sees.
/// </summary>
/// <param name="Name">The user name, e.g. <c>kubernetes-admin</c> or <c>system:serviceaccount:default:reader</c>.</param>
/// <param name="Uid">A stable identifier; empty when the authenticator has none.</param>
/// <param name="Groups">Group names, including the virtual groups such as <c>system:authenticated</c>.</param>
/// <param name="Extra">Additional attributes, e.g. the pod a bound ServiceAccount token was issued for.</param>
internal sealed record UserInfo(
    string Name,
    string Uid,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoExtra =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The identity of a request that presented no credentials.</summary>
    public static UserInfo Anonymous { get; } =
        new(WellKnownNames.AnonymousUser, "", [WellKnownNames.UnauthenticatedGroup], NoExtra);

    public static UserInfo Create(string name, string uid, IEnumerable<string> groups,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? extra = null) =>
        new(name, uid, groups.ToArray(), extra ?? NoExtra);

    public bool IsInGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    /// <summary>The <c>UserInfo</c> shape of authentication.k8s.io/v1 (TokenReview, SelfSubjectReview).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Name.Length > 0)
        {
            json["username"] = Name;
        }
        if (Uid.Length > 0)
        {
            json["uid"] = Uid;
        }
        if (Groups.Count > 0)
        {
            json["groups"] = new JsonArray(Groups.Select(g => (JsonNode?)g).ToArray());
        }
        if (Extra.Count > 0)
        {
            var extra = new JsonObject();
            foreach (var (key, values) in Extra)
            {
                extra[key] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray());
            }
            json["extra"] = extra;
        }
        return json;
    }

    public override string ToString() => Name;
}
