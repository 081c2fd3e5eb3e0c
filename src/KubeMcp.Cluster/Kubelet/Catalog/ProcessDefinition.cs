namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>The YAML shape of a process a program shows in <c>ps</c>.</summary>
internal sealed class ProcessDefinition
{
    public string? Command { get; set; }

    public string? User { get; set; }
}
