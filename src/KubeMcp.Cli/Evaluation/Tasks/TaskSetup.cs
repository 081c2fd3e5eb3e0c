namespace KubeMcp.Cli.Evaluation.Tasks;

/// <summary>
/// How a task's cluster is prepared: a scenario loaded when the cluster starts, then manifests applied in order (all
/// at the same virtual instant unless a step says to let time pass), then a setup script; finally the virtual clock
/// runs for <see cref="Settle"/> so crash loops, back-offs and rollouts reach the state the agent should find.
/// </summary>
internal sealed class TaskSetup
{
    /// <summary>A built-in scenario name or an absolute path of a scenario file, loaded as the cluster starts.</summary>
    public string? Scenario { get; init; }

    /// <summary>Manifest files to apply (server-side apply), in order.</summary>
    public IReadOnlyList<ManifestStep> Manifests { get; init; } = [];

    /// <summary>A script run with the task's kubeconfig after the manifests (absolute path).</summary>
    public string? Script { get; init; }

    /// <summary>Virtual time that passes after setup, before the agent starts.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMinutes(3);
}
