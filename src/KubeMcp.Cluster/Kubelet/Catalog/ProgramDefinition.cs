namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>The YAML shape of a <see cref="ProgramBehavior"/>.</summary>
internal sealed class ProgramDefinition
{
    public List<LogGroupDefinition>? EntrypointLogs { get; set; }

    public List<RequirementDefinition>? Requires { get; set; }

    public List<LogGroupDefinition>? Logs { get; set; }

    public int? ExitCode { get; set; }

    public string? ExitAfter { get; set; }

    public string? ReadyAfter { get; set; }

    public string? Memory { get; set; }

    public string? Cpu { get; set; }

    public List<int>? Ports { get; set; }

    public List<ProcessDefinition>? Processes { get; set; }

    /// <summary>Makes the program an entrypoint wrapper that starts this program when given only flags.</summary>
    public string? Wrapper { get; set; }

    public Dictionary<string, ProgramDefinition>? Subcommands { get; set; }
}
