using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authorization;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Applies the <c>Impersonate-*</c> headers (what <c>kubectl --as</c> and <c>--as-group</c> send) like
/// kube-apiserver's impersonation filter: every requested identity part must be allowed by the <c>impersonate</c> verb
/// for the requester, and the resulting user replaces the requester for the rest of the request.
/// </summary>
internal static class Impersonation
{
    public const string UserHeader = "Impersonate-User";
    public const string GroupHeader = "Impersonate-Group";
    public const string UidHeader = "Impersonate-Uid";
    public const string ExtraHeaderPrefix = "Impersonate-Extra-";

    private const string AuthenticationGroup = "authentication.k8s.io";

    /// <summary>True when the request asks to impersonate anyone (the caller can skip <see cref="Resolve"/> otherwise).</summary>
    public static bool IsRequested(IReadOnlyDictionary<string, string[]> headers) =>
        headers.Keys.Any(k => k.Equals(UserHeader, StringComparison.OrdinalIgnoreCase) ||
                              k.Equals(GroupHeader, StringComparison.OrdinalIgnoreCase) ||
                              k.Equals(UidHeader, StringComparison.OrdinalIgnoreCase) ||
                              k.StartsWith(ExtraHeaderPrefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The user the request acts as: <paramref name="requester"/> when no impersonation header is present, otherwise
    /// the impersonated user.
    /// </summary>
    /// <param name="requester">The authenticated user.</param>
    /// <param name="headers">Request headers; names are matched case-insensitively.</param>
    /// <param name="authorize">The authorizer, asked about each impersonated part.</param>
    /// <exception cref="ApiException">
    /// 403 when the requester may not impersonate one of the parts; 500 (as kube-apiserver) when groups, extras or a UID
    /// are given without a user.
    /// </exception>
    public static UserInfo Resolve(UserInfo requester, IReadOnlyDictionary<string, string[]> headers,
        Func<RequestAttributes, AuthorizationDecision> authorize)
    {
        var requestedUser = First(headers, UserHeader);
        var requestedGroups = All(headers, GroupHeader);
        var requestedUid = First(headers, UidHeader);
        var requestedExtras = headers
            .Where(h => h.Key.StartsWith(ExtraHeaderPrefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value.Select(v => (Key: ExtraKey(h.Key), Value: v)))
            .ToList();

        if (requestedUser.Length == 0)
        {
            if (requestedGroups.Count == 0 && requestedExtras.Count == 0 && requestedUid.Length == 0)
            {
                return requester;
            }
            throw new ApiException(500, "InternalError",
                $"Internal error occurred: requested impersonation of {Describe(requestedGroups, requestedExtras, requestedUid)} without impersonating a user (set {UserHeader} too)");
        }

        var groupsSpecified = requestedGroups.Count > 0;
        var groups = new List<string>();
        var extra = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        // Each part is checked in the order kube-apiserver checks them: user, groups, extras, uid.
        string username;
        if (ServiceAccountUser.TrySplit(requestedUser, out var saNamespace, out var saName))
        {
            Check(RequestAttributes.ForResource(requester, "impersonate", "", "serviceaccounts", saNamespace, saName));
            username = requestedUser;
            if (!groupsSpecified)
            {
                groups.AddRange(ServiceAccountUser.Groups(saNamespace));
            }
        }
        else
        {
            Check(RequestAttributes.ForResource(requester, "impersonate", "", "users", name: requestedUser));
            username = requestedUser;
        }
        foreach (var group in requestedGroups)
        {
            Check(RequestAttributes.ForResource(requester, "impersonate", "", "groups", name: group));
            groups.Add(group);
        }
        foreach (var (key, value) in requestedExtras)
        {
            Check(RequestAttributes.ForResource(requester, "impersonate", AuthenticationGroup, "userextras", name: value, subresource: key));
            if (!extra.TryGetValue(key, out var values))
            {
                extra[key] = values = [];
            }
            values.Add(value);
        }
        if (requestedUid.Length > 0)
        {
            Check(RequestAttributes.ForResource(requester, "impersonate", AuthenticationGroup, "uids", name: requestedUid));
        }

        // The virtual groups follow the impersonated identity, unless the caller named one explicitly.
        if (username != WellKnownNames.AnonymousUser)
        {
            if (!groups.Contains(WellKnownNames.AuthenticatedGroup) && !groups.Contains(WellKnownNames.UnauthenticatedGroup))
            {
                groups.Add(WellKnownNames.AuthenticatedGroup);
            }
        }
        else if (!groups.Contains(WellKnownNames.UnauthenticatedGroup))
        {
            groups.Add(WellKnownNames.UnauthenticatedGroup);
        }

        return UserInfo.Create(username, requestedUid, groups,
            extra.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value, StringComparer.Ordinal));

        void Check(RequestAttributes attributes)
        {
            var decision = authorize(attributes);
            if (!decision.Allowed)
            {
                throw RbacAuthorizer.Forbidden(attributes, decision.Reason);
            }
        }
    }

    /// <summary>
    /// The extra key a header names: lower-cased (header names are case-insensitive) and percent-decoded, so keys
    /// with characters headers cannot carry, such as <c>/</c>, can be sent.
    /// </summary>
    private static string ExtraKey(string headerName)
    {
        // Invalid escapes are left as they are, as Go's url.PathUnescape fallback does.
        return Uri.UnescapeDataString(headerName[ExtraHeaderPrefix.Length..].ToLowerInvariant());
    }

    private static string First(IReadOnlyDictionary<string, string[]> headers, string name) =>
        All(headers, name).FirstOrDefault() ?? "";

    private static List<string> All(IReadOnlyDictionary<string, string[]> headers, string name) =>
        headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => h.Value)
            .Where(v => v.Length > 0)
            .ToList();

    private static string Describe(List<string> groups, List<(string Key, string Value)> extras, string uid)
    {
        var parts = new List<string>();
        if (groups.Count > 0)
        {
            parts.Add($"groups [{string.Join(", ", groups)}]");
        }
        if (extras.Count > 0)
        {
            parts.Add($"extras [{string.Join(", ", extras.Select(e => $"{e.Key}={e.Value}"))}]");
        }
        if (uid.Length > 0)
        {
            parts.Add($"uid {uid}");
        }
        return string.Join(" and ", parts);
    }
}
