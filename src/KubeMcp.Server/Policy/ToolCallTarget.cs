namespace KubeMcp.Server.Policy;

/// <summary>
/// What one tool call does to one object, as policy sees it. A call that touches several objects (a manifest with
/// several documents) has several targets.
/// </summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Verb">get, list, create, patch, delete or exec.</param>
/// <param name="Namespace">The namespace acted in; null for cluster-scoped objects and calls across all namespaces.</param>
/// <param name="Kind">The object's kind when known.</param>
/// <param name="Name">The object's name when known.</param>
internal sealed record ToolCallTarget(string Tool, string Verb, string? Namespace, string? Kind, string? Name)
{
    public bool IsRead => Verb is PolicyVerbs.Get or PolicyVerbs.List;

    /// <summary>The namespaces whose contents the call changes: its own, or the namespace object it deletes or changes.</summary>
    public IEnumerable<string> AffectedNamespaces()
    {
        if (Namespace is not null)
        {
            yield return Namespace;
        }
        if (string.Equals(Kind, "Namespace", StringComparison.OrdinalIgnoreCase) && Name is not null)
        {
            yield return Name;
        }
    }

    public override string ToString() =>
        $"{Verb} {Kind ?? "?"}{(Name is null ? "" : "/" + Name)}{(Namespace is null ? "" : " in namespace " + Namespace)}";
}
