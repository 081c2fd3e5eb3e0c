namespace KubeMcp.Agent.Approval;

/// <summary>A person's (or a policy's) answer to an <see cref="ApprovalRequest"/>.</summary>
/// <param name="Approved">True to run the call.</param>
/// <param name="Reason">Why, in words the model and the transcript can carry.</param>
public sealed record ApprovalDecision(bool Approved, string Reason)
{
    /// <summary>An approval.</summary>
    public static ApprovalDecision Approve(string reason = "approved") => new(true, reason);

    /// <summary>A refusal.</summary>
    public static ApprovalDecision Deny(string reason) => new(false, reason);
}
