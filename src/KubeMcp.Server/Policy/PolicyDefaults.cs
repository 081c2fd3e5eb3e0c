namespace KubeMcp.Server.Policy;

/// <summary>What happens to calls no rule matches, by the kind of tool.</summary>
public sealed class PolicyDefaults
{
    /// <summary>Tools that only read (get, list). Default: allow.</summary>
    public PolicyEffect Read { get; set; } = PolicyEffect.Allow;

    /// <summary>Tools that create or change without destroying (pods_run, helm_install). Default: allow.</summary>
    public PolicyEffect Write { get; set; } = PolicyEffect.Allow;

    /// <summary>Tools that delete, overwrite or run commands (MCP destructiveHint). Default: require approval.</summary>
    public PolicyEffect Destructive { get; set; } = PolicyEffect.RequireApproval;
}
