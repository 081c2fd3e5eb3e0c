using KubeMcp.Server.Policy;

namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>The MCP server's configuration for a task and the simulated person behind the approvals.</summary>
internal sealed class TaskPolicy
{
    /// <summary>The server's tool-call policy (KubeMcp's default unless the task gives one).</summary>
    public PolicyDocument Document { get; init; } = PolicyDocument.Default;

    /// <summary>How approval requests are answered.</summary>
    public ApprovalMode Approvals { get; init; } = ApprovalMode.Approve;

    /// <summary>Offer only read-only tools.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Hide tools that delete or overwrite.</summary>
    public bool DisableDestructive { get; init; }

    /// <summary>Toolsets to offer; empty for the server's default.</summary>
    public IReadOnlyList<string> Toolsets { get; init; } = [];

    /// <summary>Chart sources helm_install may use besides repositories (absolute paths, resolved against the task).</summary>
    public IReadOnlyList<string> AllowedChartSources { get; init; } = [];
}
