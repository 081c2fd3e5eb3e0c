namespace KubeMcp.Cluster.Authorization;

/// <summary>An authorizer's answer. RBAC never denies outright: a request it does not allow has no opinion.</summary>
/// <param name="Allowed">Whether the request may proceed.</param>
/// <param name="Reason">
/// Why, as the authorizer words it (e.g. <c>RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "y" to User "z"</c>);
/// empty when there is nothing to say.
/// </param>
internal sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static AuthorizationDecision Allow(string reason) => new(true, reason);

    public static AuthorizationDecision NoOpinion(string reason = "") => new(false, reason);
}
