namespace KubeMcp.Server.Kubernetes;

/// <summary>One kubeconfig context: its name, the API server it points at and its default namespace.</summary>
internal sealed record KubeContextInfo(string Name, string Server, string Namespace, string? User);
