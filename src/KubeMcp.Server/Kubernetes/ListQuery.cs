namespace KubeMcp.Server.Kubernetes;

/// <summary>Selectors and paging of one list request.</summary>
internal sealed record ListQuery(string? LabelSelector = null, string? FieldSelector = null, int? Limit = null)
{
    public static readonly ListQuery All = new();

    public string ToQueryString(bool asTable)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(LabelSelector))
        {
            parts.Add("labelSelector=" + Uri.EscapeDataString(LabelSelector));
        }
        if (!string.IsNullOrEmpty(FieldSelector))
        {
            parts.Add("fieldSelector=" + Uri.EscapeDataString(FieldSelector));
        }
        if (Limit is int limit)
        {
            parts.Add("limit=" + limit);
        }
        if (asTable)
        {
            // Metadata only (the API server's default, said out loud): the cells carry kubectl's columns, and the
            // full objects would cost the server their serialization and us their parsing. A server whose table
            // lacks the pod columns gets a plain list instead (see ListRenderer).
            parts.Add("includeObject=Metadata");
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
