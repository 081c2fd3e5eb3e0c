namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// What one probe sees over a container's life. A simulated container's answer changes at most once — when its
/// server has finished starting — so a verdict is a step: failing with <paramref name="Message"/> until
/// <paramref name="PassesFrom"/> (time since start; null = never passes).
/// </summary>
/// <param name="PassesFrom">From when (since container start) the probe succeeds; null when it never does.</param>
/// <param name="Message">The kubelet's failure output (what follows "Readiness probe failed: ").</param>
/// <param name="Errored">
/// The probe cannot run at all (for example a port name the container does not declare): the kubelet records the
/// error and leaves the probe's result as it was, so it never changes readiness or kills the container.
/// </param>
internal sealed record ProbeVerdict(TimeSpan? PassesFrom, string Message, bool Errored = false)
{
    /// <summary>The event message for one failed (or errored) run of a probe of <paramref name="type"/>.</summary>
    public string EventMessage(string type) =>
        Errored ? $"{type} probe errored and resulted in unknown state: {Message}" : $"{type} probe failed: {Message}";
}
