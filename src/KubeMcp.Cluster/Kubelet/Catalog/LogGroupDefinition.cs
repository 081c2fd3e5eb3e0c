namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>The YAML shape of a <see cref="LogGroup"/>: <c>at</c>, then <c>lines</c> (a list) or <c>text</c> (a block).</summary>
internal sealed class LogGroupDefinition
{
    public string? At { get; set; }

    public List<string>? Lines { get; set; }

    public string? Text { get; set; }

    /// <summary><c>stdout</c> (default) or <c>stderr</c>.</summary>
    public string? Stream { get; set; }
}
