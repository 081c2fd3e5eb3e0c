using System.Globalization;

namespace KubeMcp.Cluster.Kubelet.Runtime;

/// <summary>The user a container's processes run as; <see cref="Name"/> is null when /etc/passwd has no entry.</summary>
internal sealed record UserInfo(string? Name, long Uid, long Gid, string Home)
{
    // Accounts the catalog's images define (uid, gid); a numeric USER without an entry has no name.
    private static readonly Dictionary<string, (long Uid, long Gid)> KnownAccounts = new(StringComparer.Ordinal)
    {
        ["root"] = (0, 0),
        ["daemon"] = (1, 1),
        ["bin"] = (2, 2),
        ["www-data"] = (33, 33),
        ["nginx"] = (101, 101),
        ["postgres"] = (999, 999),
        ["redis"] = (999, 999),
        ["mysql"] = (999, 999),
        ["mongodb"] = (999, 999),
        ["rabbitmq"] = (999, 999),
        ["node"] = (1000, 1000),
        ["nobody"] = (65534, 65534),
    };

    /// <summary>Resolves an image <c>USER</c> (<c>name</c>, <c>uid</c> or <c>name:uid</c>) and an optional runAsUser.</summary>
    public static UserInfo Resolve(string imageUser, long? runAsUser)
    {
        var (name, uid, gid) = Parse(imageUser);
        if (runAsUser is { } forced && forced != uid)
        {
            // A uid the image has no account for has no name, as a passwd lookup would find.
            (name, uid, gid) = (WellKnownName(forced), forced, 0);
        }
        var home = name switch
        {
            "root" => "/root",
            null => "/",
            "nobody" => "/nonexistent",
            _ => $"/home/{name}",
        };
        return new UserInfo(name, uid, gid, home);
    }

    private static (string? Name, long Uid, long Gid) Parse(string user)
    {
        var colon = user.IndexOf(':');
        if (colon > 0 && long.TryParse(user[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
        {
            return (user[..colon], declared, declared);
        }
        if (long.TryParse(user, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
        {
            return (WellKnownName(numeric), numeric, WellKnownName(numeric) is null ? 0 : numeric);
        }
        return KnownAccounts.TryGetValue(user, out var account) ? (user, account.Uid, account.Gid) : (user, 1000, 1000);
    }

    private static string? WellKnownName(long uid) => uid switch
    {
        0 => "root",
        65534 => "nobody",
        _ => null,
    };

    /// <summary>The name <c>ps</c> shows: the account name, or the numeric id.</summary>
    public string Display => Name ?? Uid.ToString(CultureInfo.InvariantCulture);
}
