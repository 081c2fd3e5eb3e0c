using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace KubeMcp.Server.Policy;

/// <summary>
/// Reads a policy file:
/// <code>
/// protectedNamespaces: [kube-system, kube-public, cert-manager]
/// maxDeletionsPerSession: 3
/// allowNamespaceDeletion: false
/// defaults: { read: allow, write: allow, destructive: require-approval }
/// rules:
///   - name: no-deletes-in-production
///     effect: deny
///     verbs: [delete]
///     namespaces: [production]
///     reason: production is managed by GitOps; change the repository instead
///   - name: scratch-is-free
///     effect: allow
///     namespaces: ["scratch-*"]
/// </code>
/// Effects are <c>allow</c>, <c>deny</c> and <c>require-approval</c>. Unknown keys are errors, so a typo cannot
/// silently weaken the policy.
/// </summary>
public static class PolicyFile
{
    private static readonly IDeserializer Deserializer = new StaticDeserializerBuilder(new PolicyYamlContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static PolicyDocument Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyFileException($"cannot read the policy file {path}: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses policy YAML; <paramref name="source"/> names it in errors.</summary>
    public static PolicyDocument Parse(string yaml, string source = "the policy")
    {
        RawPolicy? raw;
        try
        {
            raw = Deserializer.Deserialize<RawPolicy?>(yaml);
        }
        catch (YamlException e)
        {
            var detail = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            throw new PolicyFileException($"{source} line {e.Start.Line}: {detail}", e);
        }
        if (raw is null)
        {
            return PolicyDocument.Default;
        }
        var document = new PolicyDocument();
        if (raw.ProtectedNamespaces is not null)
        {
            document.ProtectedNamespaces = raw.ProtectedNamespaces.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        }
        document.AllowNamespaceDeletion = raw.AllowNamespaceDeletion ?? false;
        if (raw.MaxDeletionsPerSession is { } max)
        {
            document.MaxDeletionsPerSession = max < 0 ? null : max;
        }
        if (raw.Defaults is { } d)
        {
            document.Defaults = new PolicyDefaults
            {
                Read = d.Read is null ? PolicyEffect.Allow : Effect(d.Read, source, "defaults.read"),
                Write = d.Write is null ? PolicyEffect.Allow : Effect(d.Write, source, "defaults.write"),
                Destructive = d.Destructive is null ? PolicyEffect.RequireApproval : Effect(d.Destructive, source, "defaults.destructive"),
            };
        }
        var index = 0;
        foreach (var r in raw.Rules ?? [])
        {
            index++;
            var where = $"rules[{index}]{(string.IsNullOrWhiteSpace(r.Name) ? "" : $" ({r.Name})")}";
            if (r.Effect is null)
            {
                throw new PolicyFileException($"{source}: {where} has no effect; give effect: allow, deny or require-approval");
            }
            var verbs = r.Verbs ?? [];
            foreach (var verb in verbs.Where(v => !KnownVerbs.Contains(v.Trim().ToLowerInvariant()) && !v.Contains('*')))
            {
                throw new PolicyFileException($"{source}: {where} names the verb '{verb}'; verbs are {string.Join(", ", KnownVerbs)}");
            }
            document.Rules.Add(new PolicyRule
            {
                Name = string.IsNullOrWhiteSpace(r.Name) ? $"rule-{index}" : r.Name.Trim(),
                Effect = Effect(r.Effect, source, where + ".effect"),
                Tools = Clean(r.Tools),
                Verbs = Clean(verbs),
                Namespaces = Clean(r.Namespaces),
                Kinds = Clean(r.Kinds),
                Names = Clean(r.Names),
                RevealSecrets = r.RevealSecrets ?? false,
                Reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim(),
            });
        }
        return document;
    }

    private static readonly string[] KnownVerbs =
        [PolicyVerbs.Get, PolicyVerbs.List, PolicyVerbs.Create, PolicyVerbs.Patch, PolicyVerbs.Delete, PolicyVerbs.Exec];

    private static List<string> Clean(IList<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();

    private static PolicyEffect Effect(string value, string source, string where) => value.Trim().ToLowerInvariant() switch
    {
        "allow" => PolicyEffect.Allow,
        "deny" => PolicyEffect.Deny,
        "require-approval" or "requireapproval" or "approve" => PolicyEffect.RequireApproval,
        _ => throw new PolicyFileException($"{source}: {where} is '{value}'; use allow, deny or require-approval"),
    };

    internal sealed class RawPolicy
    {
        public List<string>? ProtectedNamespaces { get; set; }

        public int? MaxDeletionsPerSession { get; set; }

        public bool? AllowNamespaceDeletion { get; set; }

        public RawDefaults? Defaults { get; set; }

        public List<RawRule>? Rules { get; set; }
    }

    internal sealed class RawDefaults
    {
        public string? Read { get; set; }

        public string? Write { get; set; }

        public string? Destructive { get; set; }
    }

    internal sealed class RawRule
    {
        public string? Name { get; set; }

        public string? Effect { get; set; }

        public List<string>? Tools { get; set; }

        public List<string>? Verbs { get; set; }

        public List<string>? Namespaces { get; set; }

        public List<string>? Kinds { get; set; }

        public List<string>? Names { get; set; }

        public bool? RevealSecrets { get; set; }

        public string? Reason { get; set; }
    }
}
