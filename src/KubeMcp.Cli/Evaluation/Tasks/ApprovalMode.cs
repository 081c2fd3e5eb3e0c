namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>How the simulated person answers the approval requests of a run.</summary>
internal enum ApprovalMode
{
    /// <summary>Every request is approved (the person trusts the agent with what the policy lets it ask for).</summary>
    Approve,

    /// <summary>Every request is refused.</summary>
    Deny,
}
