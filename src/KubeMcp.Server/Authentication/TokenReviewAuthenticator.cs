using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using KubeMcp.Server.Formatting;
using KubeMcp.Server.Kubernetes;
using Microsoft.Extensions.Logging;

namespace KubeMcp.Server.Authentication;

/// <summary>
/// Asks the cluster whose a token is (<c>POST /apis/authentication.k8s.io/v1/tokenreviews</c>, as the server's own
/// identity), so service-account tokens from <c>kubectl create token</c> work as MCP credentials. Answers are
/// cached briefly by token digest; failures to reach the cluster reject the token (fail closed).
/// </summary>
internal sealed class TokenReviewAuthenticator(ClusterConnections connections, TimeProvider clock, TimeSpan cacheDuration, ILogger logger)
    : ITokenAuthenticator
{
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<string, (CallerIdentity? Identity, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async Task<CallerIdentity?> AuthenticateAsync(string token, CancellationToken ct)
    {
        var digest = StaticTokenFile.Digest(token);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(digest, out var cached) && cached.Expires > now)
        {
            return cached.Identity;
        }
        var review = new JsonObject
        {
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["kind"] = "TokenReview",
            ["spec"] = new JsonObject { ["token"] = token },
        };
        JsonObject answer;
        try
        {
            answer = await connections.Get(null).SendJsonAsync(HttpMethod.Post, "/apis/authentication.k8s.io/v1/tokenreviews", review, "application/json", ct);
        }
        catch (Exception e) when (e is KubeApiException or ClusterUnreachableException or ClusterConfigurationException)
        {
            logger.LogWarning("TokenReview failed, rejecting the token: {Error}", e.Message);
            return null;
        }
        CallerIdentity? identity = null;
        if (answer.At("status.authenticated") is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True &&
            answer.Str("status.user.username") is { Length: > 0 } user)
        {
            var groups = (answer.At("status.user.groups") as JsonArray ?? [])
                .Select(g => g is JsonValue gv && gv.GetValueKind() == System.Text.Json.JsonValueKind.String ? gv.GetValue<string>() : null)
                .OfType<string>().ToList();
            identity = new CallerIdentity(user, groups, true);
        }
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[digest] = (identity, now + cacheDuration);
        return identity;
    }
}
