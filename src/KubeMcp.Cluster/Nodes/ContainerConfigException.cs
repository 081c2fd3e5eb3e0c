namespace KubeMcp.Cluster.Nodes;

/// <summary>A container cannot be created because a ConfigMap, Secret or key it references is missing.</summary>
internal sealed class ContainerConfigException(string message) : Exception(message);
