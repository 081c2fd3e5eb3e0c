namespace KubeMcp.Server.Policy;

/// <summary>Evaluates a <see cref="PolicyDocument"/> for the targets of one call. Pure: no I/O, no state.</summary>
internal sealed class PolicyEngine(PolicyDocument document)
{
    public const string ProtectedNamespacesRule = "protected-namespaces";
    public const string NamespaceDeletionRule = "namespace-deletion";
    public const string BlastRadiusRule = "blast-radius";
    public const string DefaultReadRule = "default-read";
    public const string DefaultWriteRule = "default-write";
    public const string DefaultDestructiveRule = "default-destructive";

    private readonly HashSet<string> _protected = new(document.ProtectedNamespaces.Select(n => n.Trim()), StringComparer.OrdinalIgnoreCase);

    public PolicyDocument Document => document;

    /// <param name="targets">What the call does; at least one.</param>
    /// <param name="destructive">The tool's destructiveHint.</param>
    /// <param name="deletionsWithoutApproval">Deletions this session already made without an approval.</param>
    public PolicyDecision Evaluate(IReadOnlyList<ToolCallTarget> targets, bool destructive, int deletionsWithoutApproval)
    {
        PolicyDecision? strictest = null;
        foreach (var target in targets)
        {
            var decision = EvaluateOne(target, destructive);
            if (strictest is null || decision.Effect > strictest.Effect)
            {
                strictest = decision;
            }
            if (decision.Effect == PolicyEffect.Deny)
            {
                return decision;
            }
        }
        strictest ??= Decide(DefaultReadRule, document.Defaults.Read, "reads are allowed by default");
        var deletions = targets.Count(t => t.Verb == PolicyVerbs.Delete);
        if (strictest.Effect == PolicyEffect.Allow && deletions > 0 && document.MaxDeletionsPerSession is int max &&
            deletionsWithoutApproval + deletions > max)
        {
            return new PolicyDecision(PolicyEffect.RequireApproval, BlastRadiusRule,
                $"this session already made {deletionsWithoutApproval} deletion(s) without approval; the limit is {max} per session, so each further deletion needs a fresh approval");
        }
        // Secrets are revealed only when every target's deciding rule says so.
        var reveal = strictest.Effect == PolicyEffect.Allow && targets.All(t => EvaluateOne(t, destructive).RevealSecrets);
        return strictest with { RevealSecrets = reveal };
    }

    private PolicyDecision EvaluateOne(ToolCallTarget target, bool destructive)
    {
        if (!target.IsRead && target.AffectedNamespaces().FirstOrDefault(_protected.Contains) is { } ns)
        {
            return new PolicyDecision(PolicyEffect.Deny, ProtectedNamespacesRule,
                $"namespace {ns} is protected: nothing in it may be created, changed, deleted or exec'd into through this server");
        }
        if (target.Verb == PolicyVerbs.Delete && !document.AllowNamespaceDeletion &&
            string.Equals(target.Kind, "Namespace", StringComparison.OrdinalIgnoreCase))
        {
            return new PolicyDecision(PolicyEffect.Deny, NamespaceDeletionRule,
                $"deleting namespace {target.Name ?? "?"} would delete everything in it; namespaces are not deleted through this server");
        }
        foreach (var rule in document.Rules)
        {
            if (rule.Matches(target))
            {
                var name = string.IsNullOrWhiteSpace(rule.Name) ? $"rule {document.Rules.IndexOf(rule) + 1}" : rule.Name;
                var reason = rule.Reason ?? $"{target} matches rule {name}";
                return new PolicyDecision(rule.Effect, name, reason, rule.Effect == PolicyEffect.Allow && rule.RevealSecrets);
            }
        }
        if (target.IsRead)
        {
            return Decide(DefaultReadRule, document.Defaults.Read, "reads are allowed by default");
        }
        return destructive
            ? Decide(DefaultDestructiveRule, document.Defaults.Destructive, $"{target.Tool} can delete or overwrite objects, so by default a person approves each call")
            : Decide(DefaultWriteRule, document.Defaults.Write, "changes that destroy nothing are allowed by default");
    }

    private static PolicyDecision Decide(string rule, PolicyEffect effect, string reason) => new(effect, rule, reason);
}
