namespace KubeMcp.Server.Kubernetes;

/// <summary>No usable kubeconfig or in-cluster configuration; the message says how to provide one.</summary>
public sealed class ClusterConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
