namespace KubeMcp.Server.Policy;

/// <summary>What a policy rule does with the tool calls it matches.</summary>
public enum PolicyEffect
{
    /// <summary>The call runs.</summary>
    Allow,

    /// <summary>The call runs only after a person approves it (MCP elicitation).</summary>
    RequireApproval,

    /// <summary>The call is refused.</summary>
    Deny,
}
