namespace KubeMcp.Agent.Approval;

/// <summary>Approves everything: the person pre-approved destructive actions (<c>--yes</c>).</summary>
public sealed class AutoApproveGate : IApprovalGate
{
    /// <summary>The shared instance.</summary>
    public static AutoApproveGate Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ApprovalDecision.Approve("pre-approved (--yes)"));
}
