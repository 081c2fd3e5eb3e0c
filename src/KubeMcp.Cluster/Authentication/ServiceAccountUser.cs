using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// The mapping between a ServiceAccount and the user it authenticates as
/// (<c>system:serviceaccount:NAMESPACE:NAME</c>, in groups <c>system:serviceaccounts</c> and
/// <c>system:serviceaccounts:NAMESPACE</c>).
/// </summary>
internal static partial class ServiceAccountUser
{
    public const string UsernamePrefix = "system:serviceaccount:";

    public static string Username(string @namespace, string name) => $"{UsernamePrefix}{@namespace}:{name}";

    public static string NamespaceGroup(string @namespace) => $"{WellKnownNames.ServiceAccountsGroup}:{@namespace}";

    /// <summary>The groups a ServiceAccount belongs to, without <c>system:authenticated</c>.</summary>
    public static IReadOnlyList<string> Groups(string @namespace) =>
        [WellKnownNames.ServiceAccountsGroup, NamespaceGroup(@namespace)];

    /// <summary>
    /// Splits a ServiceAccount user name into namespace and name; false unless both parts are valid object names,
    /// so <c>system:serviceaccount:a:b:c</c> or <c>system:serviceaccount:Bad:x</c> are plain user names.
    /// </summary>
    public static bool TrySplit(string username, [NotNullWhen(true)] out string? @namespace, [NotNullWhen(true)] out string? name)
    {
        @namespace = null;
        name = null;
        if (!username.StartsWith(UsernamePrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = username[UsernamePrefix.Length..].Split(':');
        if (parts.Length != 2 || !IsDnsLabel(parts[0]) || !IsDnsSubdomain(parts[1]))
        {
            return false;
        }
        @namespace = parts[0];
        name = parts[1];
        return true;
    }

    public static bool Matches(string @namespace, string name, string username) =>
        username.Length == UsernamePrefix.Length + @namespace.Length + 1 + name.Length &&
        username.StartsWith(UsernamePrefix, StringComparison.Ordinal) &&
        string.CompareOrdinal(username, UsernamePrefix.Length, @namespace, 0, @namespace.Length) == 0 &&
        username[UsernamePrefix.Length + @namespace.Length] == ':' &&
        username.EndsWith(name, StringComparison.Ordinal);

    private static bool IsDnsLabel(string value) => value.Length <= 63 && DnsLabel().IsMatch(value);

    private static bool IsDnsSubdomain(string value) => value.Length <= 253 && DnsSubdomain().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?\z")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex DnsSubdomain();
}
