using ModelContextProtocol.Server;

namespace KubeMcp.Server.Audit;

/// <summary>
/// What the filters inside the audit filter learn about one call (the policy decision, who approved), carried in
/// the request's <c>Items</c> so the audit record is written once, by the outermost filter.
/// </summary>
internal sealed class ToolCallAudit
{
    private const string ItemKey = "kubemcp.audit";

    /// <summary>allowed, denied, approved or refused.</summary>
    public string Decision { get; set; } = "allowed";

    public string? Rule { get; set; }

    public string? Reason { get; set; }

    public string? ApprovedBy { get; set; }

    public IReadOnlyList<string>? Targets { get; set; }

    public static ToolCallAudit? Of(MessageContext request) =>
        request.Items.TryGetValue(ItemKey, out var value) ? value as ToolCallAudit : null;

    public static ToolCallAudit Attach(MessageContext request)
    {
        var audit = new ToolCallAudit();
        request.Items[ItemKey] = audit;
        return audit;
    }
}
