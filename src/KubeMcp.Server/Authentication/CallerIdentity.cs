using System.Security.Claims;

namespace KubeMcp.Server.Authentication;

/// <summary>Who made a call: the authenticated user and groups, or <c>anonymous</c> / <c>local</c> without authentication.</summary>
public sealed record CallerIdentity(string Name, IReadOnlyList<string> Groups, bool IsAuthenticated)
{
    /// <summary>The claim type carrying group membership.</summary>
    public const string GroupClaim = "kubemcp/group";

    /// <summary>The claim type naming how the caller was authenticated (<c>static-token</c>, <c>tokenreview</c>).</summary>
    public const string MethodClaim = "kubemcp/auth-method";

    /// <summary>An unauthenticated HTTP caller.</summary>
    public static CallerIdentity Anonymous { get; } = new("anonymous", [], false);

    /// <summary>The person at the other end of stdio.</summary>
    public static CallerIdentity Local { get; } = new("local:" + Environment.UserName, [], false);

    /// <summary>Reads the identity the authentication handler put on the request; no principal at all means stdio.</summary>
    public static CallerIdentity From(ClaimsPrincipal? user)
    {
        if (user?.Identity is { IsAuthenticated: true } identity && identity.Name is { Length: > 0 } name)
        {
            return new CallerIdentity(name, user.FindAll(GroupClaim).Select(c => c.Value).ToList(), true);
        }
        return user is null ? Local : Anonymous;
    }

    /// <summary>Builds the principal the authentication handler issues.</summary>
    public static ClaimsPrincipal ToPrincipal(string name, IEnumerable<string> groups, string method)
    {
        // NameIdentifier binds MCP sessions to their user: another user cannot take over a session id.
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name), new(MethodClaim, method) };
        claims.AddRange(groups.Select(g => new Claim(GroupClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <inheritdoc />
    public override string ToString() => Groups.Count == 0 ? Name : $"{Name} (groups {string.Join(", ", Groups)})";
}
