namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>The YAML shape of an <see cref="EnvRequirement"/>.</summary>
internal sealed class RequirementDefinition
{
    public List<string>? AnyEnv { get; set; }

    public Dictionary<string, string>? Unless { get; set; }

    public int ExitCode { get; set; } = 1;

    public List<LogGroupDefinition>? Logs { get; set; }
}
