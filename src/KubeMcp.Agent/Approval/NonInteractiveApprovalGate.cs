namespace KubeMcp.Agent.Approval;

/// <summary>
/// Refuses every destructive call: the default when no person can be asked (no terminal) and <c>--yes</c> was not
/// given. The refusal tells the model why, so it can report what it would have done.
/// </summary>
public sealed class NonInteractiveApprovalGate : IApprovalGate
{
    /// <summary>The shared instance.</summary>
    public static NonInteractiveApprovalGate Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ApprovalDecision.Deny(
            "this run is non-interactive and was not started with --yes, so destructive actions are refused"));
}
