namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>One served resource, from discovery.</summary>
internal sealed record ApiResourceInfo(string GroupVersion, string Kind, string Plural, string? Singular, bool Namespaced, IReadOnlyList<string> ShortNames)
{
    /// <summary>The URL path of the collection, e.g. <c>/apis/apps/v1/namespaces/web/deployments</c>.</summary>
    public string CollectionPath(string? ns) =>
        (GroupVersion.Contains('/', StringComparison.Ordinal) ? $"/apis/{GroupVersion}" : $"/api/{GroupVersion}") +
        (Namespaced && ns is not null ? $"/namespaces/{Uri.EscapeDataString(ns)}" : "") + $"/{Plural}";

    /// <summary>Whether <paramref name="name"/> names this resource: its kind, plural, singular or a short name.</summary>
    public bool IsNamed(string name) =>
        string.Equals(name, Kind, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Plural, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, Singular, StringComparison.OrdinalIgnoreCase) || ShortNames.Contains(name, StringComparer.OrdinalIgnoreCase);
}
