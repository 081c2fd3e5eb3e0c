namespace KubeMcp.Cluster.Registry;

/// <summary>The parts of <c>DeleteOptions</c> the registry acts on.</summary>
internal sealed record DeleteOptions(
    long? GracePeriodSeconds = null,
    string? PropagationPolicy = null,
    string? PreconditionUid = null,
    string? PreconditionResourceVersion = null,
    bool DryRun = false)
{
    public static DeleteOptions Default { get; } = new();
}
