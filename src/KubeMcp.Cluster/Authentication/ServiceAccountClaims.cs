namespace KubeMcp.Cluster.Authentication;

/// <summary>The claims of a projected ServiceAccount token, in the layout kube-apiserver issues.</summary>
internal sealed record ServiceAccountClaims(
    string Issuer,
    IReadOnlyList<string> Audiences,
    long IssuedAt,
    long NotBefore,
    long Expiry,
    string Id,
    string Namespace,
    BoundObject ServiceAccount,
    TokenBinding Binding)
{
    public string Subject => ServiceAccountUser.Username(Namespace, ServiceAccount.Name);
}
