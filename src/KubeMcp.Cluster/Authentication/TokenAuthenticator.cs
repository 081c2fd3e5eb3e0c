using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Authenticates bearer tokens like kube-apiserver's token authenticator chain: static tokens (the cluster admin's and
/// test users'), then ServiceAccount JWTs, which it also issues.
/// </summary>
internal sealed class TokenAuthenticator
{
    /// <summary>How far clocks may disagree, as kube-apiserver allows when checking <c>exp</c>, <c>nbf</c>, <c>iat</c>.</summary>
    private static readonly TimeSpan Leeway = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, UserInfo> _staticTokens = new(StringComparer.Ordinal);
    private readonly ServiceAccountJwt _jwt;
    private readonly IObjectLookup? _objects;

    /// <param name="adminToken">The token of <c>kubernetes-admin</c>, a member of <c>system:masters</c>.</param>
    /// <param name="signingKey">The per-cluster secret that signs ServiceAccount tokens.</param>
    /// <param name="objects">
    /// Where to check that a token's ServiceAccount (and bound Pod, Secret or Node) still exists with the same UID;
    /// null skips those checks.
    /// </param>
    public TokenAuthenticator(string adminToken, byte[] signingKey, IObjectLookup? objects = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(adminToken);
        _jwt = new ServiceAccountJwt(signingKey);
        _objects = objects;
        AddStaticToken(adminToken, WellKnownNames.AdminUser, "", [WellKnownNames.MastersGroup]);
    }

    /// <summary>The audiences the API server identifies as; tokens must be valid for one of them.</summary>
    public IReadOnlyList<string> ApiAudiences { get; } = [WellKnownNames.ServiceAccountIssuer];

    public string Issuer => WellKnownNames.ServiceAccountIssuer;

    /// <summary>
    /// Adds (or replaces) a token that authenticates as the given user, like a line of a static token file;
    /// <c>system:authenticated</c> is added to the groups.
    /// </summary>
    public void AddStaticToken(string token, string name, string uid, IEnumerable<string> groups)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _staticTokens[token] = UserInfo.Create(name, uid, WithAuthenticated(groups));
    }

    public bool RemoveStaticToken(string token) => _staticTokens.TryRemove(token, out _);

    /// <summary>
    /// Issues a ServiceAccount token, as the TokenRequest API does. Null or empty <paramref name="audiences"/> means
    /// the API server's own.
    /// </summary>
    public string Issue(string @namespace, string serviceAccountName, string serviceAccountUid,
        IReadOnlyList<string>? audiences, long expirationSeconds, DateTimeOffset now, TokenBinding? binding = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(serviceAccountName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(expirationSeconds);
        var issuedAt = now.ToUnixTimeSeconds();
        var claims = new ServiceAccountClaims(
            Issuer,
            audiences is { Count: > 0 } ? audiences : ApiAudiences,
            issuedAt,
            issuedAt,
            issuedAt + expirationSeconds,
            Guid.NewGuid().ToString(),
            @namespace,
            new BoundObject(serviceAccountName, serviceAccountUid),
            binding ?? new TokenBinding());
        return _jwt.Encode(claims);
    }

    /// <summary>The user a token authenticates as for the API server itself, or null.</summary>
    public UserInfo? Authenticate(string token, DateTimeOffset now) => AuthenticateToken(token, now).User;

    /// <summary>
    /// Authenticates the credentials of an HTTP request: no bearer token means the anonymous user; a bearer token
    /// that is not accepted means a rejected result (the caller answers 401), never anonymous.
    /// </summary>
    public TokenAuthenticationResult AuthenticateRequest(string? authorizationHeader, DateTimeOffset now)
    {
        var parts = (authorizationHeader ?? "").Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return new TokenAuthenticationResult(UserInfo.Anonymous, ApiAudiences, null);
        }
        var result = AuthenticateToken(parts[1], now);
        return result.Authenticated ? result : result with { Error = result.Error ?? "invalid bearer token" };
    }

    /// <summary>Authenticates a token for the given audiences (the API server's when null or empty).</summary>
    public TokenAuthenticationResult AuthenticateToken(string token, DateTimeOffset now, IReadOnlyList<string>? audiences = null)
    {
        var requested = audiences is { Count: > 0 } ? audiences : ApiAudiences;
        if (string.IsNullOrEmpty(token))
        {
            return TokenAuthenticationResult.Rejected();
        }
        if (_staticTokens.TryGetValue(token, out var user))
        {
            // Static tokens carry no audience: they are valid only where the API server's own audiences are asked for.
            var valid = ApiAudiences.Intersect(requested, StringComparer.Ordinal).ToArray();
            return valid.Length == 0 ? TokenAuthenticationResult.Rejected() : new TokenAuthenticationResult(user, valid, null);
        }

        // Like kube-apiserver: a token that is not a JWT from our issuer is simply not ours (no error).
        if (ServiceAccountJwt.PeekIssuer(token) != Issuer)
        {
            return TokenAuthenticationResult.Rejected();
        }
        if (!_jwt.TryVerify(token, out var payload, out var error))
        {
            return TokenAuthenticationResult.Rejected(error);
        }
        return ValidateClaims(payload!, now, requested);
    }

    private TokenAuthenticationResult ValidateClaims(JsonObject payload, DateTimeOffset now, IReadOnlyList<string> requested)
    {
        var tokenAudiences = ReadAudiences(payload);
        if (tokenAudiences.Count == 0)
        {
            tokenAudiences = ApiAudiences;
        }
        var audiences = tokenAudiences.Intersect(requested, StringComparer.Ordinal).ToArray();
        if (audiences.Length == 0)
        {
            return TokenAuthenticationResult.Rejected(
                $"token audiences {GoQuoted(tokenAudiences)} is invalid for the target audiences {GoQuoted(requested)}");
        }

        var seconds = now.ToUnixTimeSeconds();
        var leeway = (long)Leeway.TotalSeconds;
        if (payload.Long("exp") is { } exp && seconds - leeway > exp)
        {
            return TokenAuthenticationResult.Rejected("service account token has expired");
        }
        if (payload.Long("nbf") is { } nbf && seconds + leeway < nbf)
        {
            return TokenAuthenticationResult.Rejected("service account token is not valid yet");
        }
        if (payload.Long("iat") is { } iat && seconds + leeway < iat)
        {
            return TokenAuthenticationResult.Rejected("service account token is issued in the future");
        }

        var kubernetes = payload.Obj("kubernetes.io");
        var ns = kubernetes.Text("namespace");
        var serviceAccount = ReadReference(kubernetes, "serviceaccount");
        var sub = payload.Text("sub");
        if (ns.Length == 0 || serviceAccount is null || sub != ServiceAccountUser.Username(ns, serviceAccount.Name))
        {
            return TokenAuthenticationResult.Rejected("service account token claims could not be validated: missing or inconsistent kubernetes.io claims");
        }
        var pod = ReadReference(kubernetes, "pod");
        var secret = ReadReference(kubernetes, "secret");
        var node = ReadReference(kubernetes, "node");

        var deletedBefore = now - Leeway;
        var problem = CheckExists("serviceaccounts", "service account", ns, serviceAccount, deletedBefore)
            ?? CheckExists("pods", "pod", ns, pod, deletedBefore)
            ?? CheckExists("secrets", "secret", ns, secret, deletedBefore)
            ?? (pod is null ? CheckExists("nodes", "node", null, node, deletedBefore) : null);
        if (problem is not null)
        {
            return TokenAuthenticationResult.Rejected(problem);
        }

        var extra = new Dictionary<string, IReadOnlyList<string>>();
        if (pod is not null)
        {
            extra[WellKnownNames.PodNameExtra] = [pod.Name];
            extra[WellKnownNames.PodUidExtra] = [pod.Uid];
        }
        if (node is not null)
        {
            extra[WellKnownNames.NodeNameExtra] = [node.Name];
            extra[WellKnownNames.NodeUidExtra] = [node.Uid];
        }
        if (payload.Text("jti") is { Length: > 0 } jti)
        {
            extra[WellKnownNames.CredentialIdExtra] = [$"JTI={jti}"];
        }
        var user = UserInfo.Create(sub, serviceAccount.Uid, WithAuthenticated(ServiceAccountUser.Groups(ns)), extra);
        return new TokenAuthenticationResult(user, audiences, null);
    }

    /// <summary>Null when the object exists with the UID the token names; otherwise kube-apiserver's complaint.</summary>
    private string? CheckExists(string resource, string description, string? ns, BoundObject? reference, DateTimeOffset deletedBefore)
    {
        if (reference is null || _objects is null)
        {
            return null;
        }
        var current = _objects.Find(resource, ns, reference.Name);
        if (current is null)
        {
            return $"{resource} \"{reference.Name}\" not found";
        }
        var metadata = current.Obj("metadata");
        if (DateTimeOffset.TryParse(metadata.Text("deletionTimestamp"), out var deleted) && deleted < deletedBefore)
        {
            return ns is null ? $"{description} {reference.Name} has been deleted" : $"{description} {ns}/{reference.Name} has been deleted";
        }
        var uid = metadata.Text("uid");
        return uid == reference.Uid ? null : $"{description} UID ({uid}) does not match claim ({reference.Uid})";
    }

    private static IReadOnlyList<string> ReadAudiences(JsonObject payload) =>
        payload["aud"] is JsonValue && payload.Text("aud") is { Length: > 0 } one
            ? [one]
            : payload.Strings("aud");

    private static BoundObject? ReadReference(JsonObject? kubernetes, string property) =>
        kubernetes.Obj(property) is { } reference && reference.Text("name") is { Length: > 0 } name
            ? new BoundObject(name, reference.Text("uid"))
            : null;

    private static IEnumerable<string> WithAuthenticated(IEnumerable<string> groups)
    {
        var list = groups.ToList();
        if (!list.Contains(WellKnownNames.AuthenticatedGroup))
        {
            list.Add(WellKnownNames.AuthenticatedGroup);
        }
        return list;
    }

    /// <summary>Formats a list like Go's <c>%q</c> of a string slice: <c>["a" "b"]</c>.</summary>
    private static string GoQuoted(IEnumerable<string> values) => $"[{string.Join(' ', values.Select(v => $"\"{v}\""))}]";
}
