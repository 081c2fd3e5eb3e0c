namespace KubeMcp.Server.Policy;

/// <summary>
/// One rule of a policy file. Each selector list is a set of glob patterns (<c>*</c>, <c>?</c>, case-insensitive);
/// an empty list matches everything. A rule matches a call when every non-empty selector matches.
/// </summary>
public sealed class PolicyRule
{
    /// <summary>Name shown in denials and the audit log.</summary>
    public string Name { get; set; } = "";

    /// <summary>What to do with matching calls.</summary>
    public PolicyEffect Effect { get; set; } = PolicyEffect.Allow;

    /// <summary>Tool names, e.g. <c>pods_delete</c>, <c>resources_*</c>.</summary>
    public IList<string> Tools { get; set; } = [];

    /// <summary>Verbs: <c>get</c>, <c>list</c>, <c>create</c>, <c>patch</c>, <c>delete</c>, <c>exec</c>.</summary>
    public IList<string> Verbs { get; set; } = [];

    /// <summary>Namespaces; a call over all namespaces has the namespace <c>*</c> and matches only the pattern <c>*</c>.</summary>
    public IList<string> Namespaces { get; set; } = [];

    /// <summary>Kinds, e.g. <c>Secret</c>, <c>Deployment</c> (resolved through discovery, so plurals cannot dodge a rule).</summary>
    public IList<string> Kinds { get; set; } = [];

    /// <summary>Object names, e.g. <c>web-*</c>.</summary>
    public IList<string> Names { get; set; } = [];

    /// <summary>Show Secret values to calls this (allow) rule matches instead of redacting them.</summary>
    public bool RevealSecrets { get; set; }

    /// <summary>Why the rule exists, repeated in denials so the caller knows what to do.</summary>
    public string? Reason { get; set; }

    internal bool Matches(ToolCallTarget target) =>
        GlobPattern.MatchesAny(Tools, target.Tool) &&
        GlobPattern.MatchesAny(Verbs, target.Verb) &&
        GlobPattern.MatchesAny(Namespaces, target.Namespace ?? "*") &&
        (Kinds.Count == 0 || (target.Kind is not null && GlobPattern.MatchesAny(Kinds, target.Kind))) &&
        (Names.Count == 0 || (target.Name is not null && GlobPattern.MatchesAny(Names, target.Name)));
}
