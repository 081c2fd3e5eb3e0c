namespace KubeMcp.Server.Authentication;

/// <summary>
/// Adds <c>Impersonate-User</c> and one <c>Impersonate-Group</c> per group to cluster requests made on behalf of a
/// caller, so the cluster's RBAC judges the caller rather than the server. Requests outside a tool call (health
/// probes, token reviews) go out as the server.
/// </summary>
internal sealed class ImpersonationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ImpersonationScope.Current is { } caller)
        {
            request.Headers.Remove("Impersonate-User");
            request.Headers.Remove("Impersonate-Group");
            request.Headers.TryAddWithoutValidation("Impersonate-User", caller.Name);
            foreach (var group in caller.Groups)
            {
                request.Headers.TryAddWithoutValidation("Impersonate-Group", group);
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
