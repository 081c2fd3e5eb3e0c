namespace KubeMcp.Cluster.Kubelet;

/// <summary>
/// What a program in an image does when it runs: what it prints, which environment it insists on, whether it keeps
/// running or exits, what it listens on and how much memory it uses when healthy. Catalog data, not code.
/// </summary>
internal sealed class ProgramBehavior
{
    /// <summary>Lines the image's entrypoint script prints before it starts this program (only when started through it).</summary>
    public IReadOnlyList<LogGroup> EntrypointLogs { get; init; } = [];

    /// <summary>Environment checks made at start-up; the first failing one ends the program.</summary>
    public IReadOnlyList<EnvRequirement> Requires { get; init; } = [];

    /// <summary>Lines the program prints while starting, relative to its own start.</summary>
    public IReadOnlyList<LogGroup> Logs { get; init; } = [];

    /// <summary>Exit code when the program ends on its own (a CLI tool); null for a server that runs until killed.</summary>
    public int? ExitCode { get; init; }

    /// <summary>When a program with an <see cref="ExitCode"/> exits, relative to its start.</summary>
    public TimeSpan ExitAfter { get; init; }

    /// <summary>When the program is ready to serve; null means when its last start-up line is printed.</summary>
    public TimeSpan? ReadyAfter { get; init; }

    /// <summary>Memory a healthy instance uses, in bytes; null means the image's default.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>CPU an idle, healthy instance uses, in millicores.</summary>
    public long? CpuMillicores { get; init; }

    /// <summary>Ports the program listens on.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    /// <summary>The processes <c>ps</c> shows for it (the first is PID 1 when the program is the container's main process).</summary>
    public IReadOnlyList<SimProcessTemplate> Processes { get; init; } = [];

    /// <summary>
    /// For an entrypoint script: the program it starts when given no arguments or only flags (<c>-c foo</c>).
    /// A wrapper runs its arguments as the next program, the way <c>exec "$@"</c> does.
    /// </summary>
    public string? WrapperDefault { get; init; }

    /// <summary>Behaviours selected by the first argument (for multi-command binaries such as agnhost).</summary>
    public IReadOnlyDictionary<string, ProgramBehavior> Subcommands { get; init; } = new Dictionary<string, ProgramBehavior>();

    public bool IsWrapper => WrapperDefault is not null;

    /// <summary>All log groups (entrypoint, requirement and start-up) for template validation.</summary>
    public IEnumerable<LogGroup> AllLogGroups() =>
        EntrypointLogs.Concat(Logs).Concat(Requires.SelectMany(r => r.Logs))
            .Concat(Subcommands.Values.SelectMany(s => s.AllLogGroups()));
}
