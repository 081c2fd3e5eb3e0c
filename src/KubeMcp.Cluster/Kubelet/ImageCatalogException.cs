namespace KubeMcp.Cluster.Kubelet;

/// <summary>Image catalog YAML that cannot be loaded; the message says where and what to change.</summary>
internal sealed class ImageCatalogException(string message, Exception? inner = null) : Exception(message, inner);
