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
            // The full object rides along with each row, so columns the server's table lacks can be computed.
            parts.Add("includeObject=Object");
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
