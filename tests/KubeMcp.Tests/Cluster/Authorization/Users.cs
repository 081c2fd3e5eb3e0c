using KubeMcp.Cluster.Authentication;

namespace KubeMcp.Tests.Cluster.Authorization;

/// <summary>Users as the authenticator would produce them.</summary>
internal static class Users
{
    public static UserInfo Named(string name, params string[] groups) =>
        UserInfo.Create(name, "", [.. groups, "system:authenticated"]);

    public static UserInfo ServiceAccount(string @namespace, string name) =>
        UserInfo.Create($"system:serviceaccount:{@namespace}:{name}", "uid-" + name,
            ["system:serviceaccounts", $"system:serviceaccounts:{@namespace}", "system:authenticated"]);
}
