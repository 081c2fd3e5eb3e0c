namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// Everything the simulation needs to know about one container to decide what it does: the pulled image, the pod
/// spec's command/args/env (values already resolved), files mounted from ConfigMaps and Secrets, the memory limit,
/// the pod's annotations and identity. Deterministic: the same input always gives the same <see cref="ProgramRun"/>.
/// </summary>
internal sealed record ContainerProgram
{
    public required ResolvedImage Image { get; init; }

    public string ContainerName { get; init; } = "app";

    /// <summary><c>spec.containers[].command</c>; null keeps the image's entrypoint.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary><c>spec.containers[].args</c>; null keeps the image's cmd (unless a command is given).</summary>
    public IReadOnlyList<string>? Args { get; init; }

    /// <summary>The container's environment with values resolved (<c>valueFrom</c> already looked up), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Env { get; init; } = [];

    /// <summary>Files mounted into the container (ConfigMap, Secret, downward API), absolute path to content.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary><c>resources.limits.memory</c> in bytes, if set.</summary>
    public long? MemoryLimitBytes { get; init; }

    /// <summary><c>resources.limits.cpu</c> in millicores, if set.</summary>
    public long? CpuLimitMillicores { get; init; }

    /// <summary>The pod's annotations; <c>sim.kubemcp.io/*</c> ones steer the simulation (see <see cref="SimAnnotations"/>).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>The pod name, which is also the container's hostname.</summary>
    public string PodName { get; init; } = "pod";

    public string Namespace { get; init; } = "default";

    public string PodIP { get; init; } = "10.244.0.10";

    /// <summary>The cluster DNS service address written to <c>/etc/resolv.conf</c>.</summary>
    public string ClusterDns { get; init; } = "10.96.0.10";

    /// <summary>When the container started; log timestamps and <c>date</c> count from here.</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary><c>workingDir</c> from the pod spec; null keeps the image's.</summary>
    public string? WorkingDir { get; init; }

    /// <summary><c>securityContext.runAsUser</c>; null keeps the image's user.</summary>
    public long? RunAsUser { get; init; }

    /// <summary>
    /// Cluster DNS as the simulation may query it: a fully qualified name (<c>web.shop.svc.cluster.local</c>) to an
    /// address, or null for NXDOMAIN. When this is null the simulation has no DNS and lookups are not simulated.
    /// </summary>
    public Func<string, string?>? ResolveHost { get; init; }

    /// <summary>The node's kernel release, as programs report it.</summary>
    public string NodeKernel { get; init; } = "6.8.0-60-generic";
}
