namespace KubeMcp.Server.Kubernetes;

/// <summary>
/// One kubeconfig context: its name, the API server it points at, its default namespace, its user and, when that user
/// signs in through a legacy in-tree <c>auth-provider</c> (oidc, gcp, azure), the provider's name.
/// </summary>
internal sealed record KubeContextInfo(string Name, string Server, string Namespace, string? User, string? AuthProvider = null);
