using System.Collections.Concurrent;
using KubeMcp.Agent.Approval;
using KubeMcp.Cli.Evaluation.Tasks;

namespace KubeMcp.Cli.Evaluation.Running;

/// <summary>The simulated person behind a run's approvals: answers as the task's policy says and counts the questions.</summary>
internal sealed class EvalApprovalGate(ApprovalMode mode) : IApprovalGate
{
    private readonly ConcurrentQueue<string> _asked = new();

    /// <summary>The calls the person was asked about, in order.</summary>
    public IReadOnlyList<string> Asked => [.. _asked];

    public ValueTask<ApprovalDecision> RequestApprovalAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _asked.Enqueue(request.Describe());
        return ValueTask.FromResult(mode == ApprovalMode.Approve
            ? ApprovalDecision.Approve("approved by the evaluation's simulated operator")
            : ApprovalDecision.Deny("refused by the evaluation's simulated operator (this task's policy refuses every approval request)"));
    }
}
