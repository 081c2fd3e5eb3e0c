namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Pod annotations with which authors steer the simulation. Each may be scoped to one container by putting the
/// container name in front: <c>sim.kubemcp.io/sidecar.exit-code</c> applies to the container named <c>sidecar</c>
/// and wins over the unscoped <c>sim.kubemcp.io/exit-code</c>.
/// </summary>
internal static class SimAnnotations
{
    public const string Prefix = "sim.kubemcp.io/";

    /// <summary>The container exits with this code (at <see cref="ExitAfter"/>, default one second).</summary>
    public const string ExitCode = "exit-code";

    /// <summary>The container exits after this duration (code from <see cref="ExitCode"/>, default 0).</summary>
    public const string ExitAfter = "exit-after";

    /// <summary>Literal log lines (one per line of the value) replacing whatever the program would print.</summary>
    public const string Logs = "logs";

    /// <summary><c>"false"</c>: the application never becomes ready.</summary>
    public const string Ready = "ready";

    /// <summary>Steady memory use (a quantity such as <c>300Mi</c>); above the limit the container is OOM-killed.</summary>
    public const string MemoryUsage = "memory-usage";

    /// <summary>Steady CPU use (a quantity such as <c>250m</c>).</summary>
    public const string CpuUsage = "cpu-usage";

    /// <summary>Reads a setting for a container: the container-scoped key first, then the pod-wide one.</summary>
    public static string? Get(IReadOnlyDictionary<string, string> annotations, string containerName, string setting) =>
        annotations.TryGetValue($"{Prefix}{containerName}.{setting}", out var scoped) ? scoped
        : annotations.TryGetValue(Prefix + setting, out var value) ? value
        : null;
}
