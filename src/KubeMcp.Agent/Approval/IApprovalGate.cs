namespace KubeMcp.Agent.Approval;

/// <summary>
/// Decides whether a destructive tool call (MCP <c>destructiveHint</c>) may run. The loop asks before every such
/// call and tells the model when the answer is no.
/// </summary>
public interface IApprovalGate
{
    /// <summary>Asks for a decision.</summary>
    ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken);
}
