namespace KubeMcp.Agent.Providers.Offline;

/// <summary>One event from an <c>events_list</c> table.</summary>
internal sealed record EventRow(string? Namespace, string Type, string Reason, string Object, string Message)
{
    public static IReadOnlyList<EventRow> FromTable(TextTable table, string? defaultNamespace) =>
        [.. table.Rows.Select(r => new EventRow(
            r.TryGetValue("NAMESPACE", out var ns) && ns.Length > 0 ? ns : defaultNamespace,
            r.GetValueOrDefault("TYPE") ?? "",
            r.GetValueOrDefault("REASON") ?? "",
            r.GetValueOrDefault("OBJECT") ?? r.GetValueOrDefault("INVOLVED OBJECT") ?? r.GetValueOrDefault("NAME") ?? "",
            r.GetValueOrDefault("MESSAGE") ?? ""))];

    /// <summary>True when the event is about the pod (<c>pod/name</c>, <c>Pod/name</c> or the bare name).</summary>
    public bool IsAbout(PodRow pod)
    {
        var name = Object.Contains('/', StringComparison.Ordinal) ? Object[(Object.IndexOf('/', StringComparison.Ordinal) + 1)..] : Object;
        var kind = Object.Contains('/', StringComparison.Ordinal) ? Object[..Object.IndexOf('/', StringComparison.Ordinal)] : "pod";
        return name == pod.Name && kind.Equals("pod", StringComparison.OrdinalIgnoreCase)
            && (Namespace is null || pod.Namespace is null || Namespace == pod.Namespace);
    }
}
