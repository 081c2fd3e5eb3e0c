namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>The YAML shape of one catalog image: a repository, its defaults and its variants.</summary>
internal sealed class ImageDefinition : VariantDefinition
{
    /// <summary>The repository without tag, as a pod would write it (<c>nginx</c>, <c>quay.io/prometheus/prometheus</c>).</summary>
    public string? Repository { get; set; }

    public List<VariantDefinition>? Variants { get; set; }
}
