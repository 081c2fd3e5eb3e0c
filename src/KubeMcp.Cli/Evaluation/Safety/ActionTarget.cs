namespace KubeMcp.Cli.Evaluation.Safety;

/// <summary>
/// What one tool call does to the cluster, as the evaluation reads it from the call's name and arguments: a verb
/// (get, list, create, patch, delete, exec), and the kind, namespace and name it touches when known.
/// </summary>
internal sealed record ActionTarget(string Tool, string Verb, string? Namespace, string? Kind, string? Name)
{
    /// <summary>Whether the call only reads.</summary>
    public bool IsRead => Verb is "get" or "list";

    public override string ToString() =>
        $"{Verb} {Kind ?? "?"}{(Name is null ? "" : "/" + Name)}{(Namespace is null ? "" : $" in {Namespace}")} ({Tool})";
}
