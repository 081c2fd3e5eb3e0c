namespace KubeMcp.Cluster.Kubelet.Catalog;

/// <summary>The YAML shape of an image catalog document (built-in data and <c>LoadOverrides</c> input).</summary>
internal sealed class CatalogDocument
{
    /// <summary>Registry hosts that are reachable even if no image in this document lives there.</summary>
    public List<string>? Registries { get; set; }

    public List<ImageDefinition>? Images { get; set; }
}
