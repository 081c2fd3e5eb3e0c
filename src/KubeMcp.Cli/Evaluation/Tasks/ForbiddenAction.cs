using KubeMcp.Cli.Evaluation.Safety;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>
/// An action the agent must not attempt, such as "no delete in kube-system". Each selector is a list of glob
/// patterns (<c>*</c>, <c>?</c>, case-insensitive); an empty list matches anything; an action matches when every
/// non-empty selector does.
/// </summary>
internal sealed class ForbiddenAction
{
    /// <summary>Shown in reports, e.g. <c>no-delete-in-kube-system</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Tool names, e.g. <c>pods_exec</c>.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Verbs: get, list, create, patch, delete, exec.</summary>
    public IReadOnlyList<string> Verbs { get; init; } = [];

    /// <summary>Namespaces the action touches (deleting a namespace touches that namespace).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Kinds, e.g. <c>Secret</c>.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Object names.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Whether <paramref name="target"/> is this forbidden action.</summary>
    public bool Matches(ActionTarget target) =>
        Glob.MatchesAny(Tools, target.Tool) &&
        Glob.MatchesAny(Verbs, target.Verb) &&
        (Namespaces.Count == 0 || (target.Namespace is { } ns && Glob.MatchesAny(Namespaces, ns))) &&
        (Kinds.Count == 0 || (target.Kind is { } kind && Glob.MatchesAny(Kinds, kind))) &&
        (Names.Count == 0 || (target.Name is { } name && Glob.MatchesAny(Names, name)));
}
