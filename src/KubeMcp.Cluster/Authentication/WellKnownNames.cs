namespace KubeMcp.Cluster.Authentication;

/// <summary>The user and group names Kubernetes reserves, spelled as the API server spells them.</summary>
internal static class WellKnownNames
{
    public const string AnonymousUser = "system:anonymous";
    public const string AdminUser = "kubernetes-admin";

    public const string MastersGroup = "system:masters";
    public const string AuthenticatedGroup = "system:authenticated";
    public const string UnauthenticatedGroup = "system:unauthenticated";
    public const string ServiceAccountsGroup = "system:serviceaccounts";

    /// <summary>The issuer and default audience of ServiceAccount tokens on a kubeadm-style cluster.</summary>
    public const string ServiceAccountIssuer = "https://kubernetes.default.svc.cluster.local";

    // Keys of UserInfo.Extra that ServiceAccount tokens carry.
    public const string CredentialIdExtra = "authentication.kubernetes.io/credential-id";
    public const string PodNameExtra = "authentication.kubernetes.io/pod-name";
    public const string PodUidExtra = "authentication.kubernetes.io/pod-uid";
    public const string NodeNameExtra = "authentication.kubernetes.io/node-name";
    public const string NodeUidExtra = "authentication.kubernetes.io/node-uid";
}
