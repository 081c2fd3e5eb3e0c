namespace KubeMcp.Server.Policy;

/// <summary>
/// The server's tool-call policy, usually read from a YAML file (<c>--policy FILE</c>, see <see cref="PolicyFile"/>).
/// Evaluation order: protected namespaces and namespace deletion, then the rules (first match wins), then <see cref="Defaults"/>, then the
/// blast-radius limit on deletions.
/// </summary>
public sealed class PolicyDocument
{
    /// <summary>Namespaces in which nothing may be created, changed, deleted or exec'd into (nor the namespaces themselves deleted).</summary>
    public IList<string> ProtectedNamespaces { get; set; } = ["kube-system", "kube-public"];

    /// <summary>
    /// Whether Namespace objects may be deleted through the server at all (deleting one deletes everything in it).
    /// Default: false.
    /// </summary>
    public bool AllowNamespaceDeletion { get; set; }

    /// <summary>
    /// Deletions a session may make without an approval; further deletions need one each. Null for no limit.
    /// Default: 5.
    /// </summary>
    public int? MaxDeletionsPerSession { get; set; } = 5;

    /// <summary>Effects for calls no rule matches.</summary>
    public PolicyDefaults Defaults { get; set; } = new();

    /// <summary>Rules in order; the first that matches a call decides it.</summary>
    public IList<PolicyRule> Rules { get; set; } = [];

    /// <summary>
    /// The built-in policy: reads allowed, destructive tools need approval, kube-system and kube-public protected,
    /// namespaces never deleted, 5 deletions per session.
    /// </summary>
    public static PolicyDocument Default => new();

    /// <summary>Everything allowed, nothing protected: for tests and trusted automation only.</summary>
    public static PolicyDocument Permissive => new()
    {
        ProtectedNamespaces = [],
        AllowNamespaceDeletion = true,
        MaxDeletionsPerSession = null,
        Defaults = new PolicyDefaults { Destructive = PolicyEffect.Allow },
    };
}
