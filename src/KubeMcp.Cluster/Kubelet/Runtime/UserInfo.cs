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
        string? name;
        long uid;
        var colon = imageUser.IndexOf(':');
        if (colon > 0 && long.TryParse(imageUser[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
        {
            name = imageUser[..colon];
            uid = declared;
        }
        else if (long.TryParse(imageUser, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric))
        {
            name = KnownAccounts.FirstOrDefault(a => a.Value.Uid == numeric && numeric is 0 or 65534).Key;
            uid = numeric;
        }
        else
        {
            name = imageUser;
            uid = KnownAccounts.TryGetValue(imageUser, out var account) ? account.Uid : 1000;
        }
        if (runAsUser is { } forced && forced != uid)
        {
            uid = forced;
            name = forced == 0 ? "root" : forced == 65534 ? "nobody" : name is not null && KnownAccounts.GetValueOrDefault(name).Uid == forced ? name : null;
        }
        var gid = name is not null && KnownAccounts.TryGetValue(name, out var known) && known.Uid == uid ? known.Gid : uid == 0 ? 0 : colon > 0 ? uid : 0;
        var home = name switch
        {
            "root" => "/root",
            null => "/",
            "nobody" => "/nonexistent",
            _ => $"/home/{name}",
        };
        return new UserInfo(name, uid, gid, home);
    }

    /// <summary>The name <c>ps</c> shows: the account name, or the numeric id.</summary>
    public string Display => Name ?? Uid.ToString(CultureInfo.InvariantCulture);
}
