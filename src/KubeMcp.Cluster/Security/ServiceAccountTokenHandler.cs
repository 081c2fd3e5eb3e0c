using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Security;

/// <summary><c>POST serviceaccounts/{name}/token</c>: issues a bound ServiceAccount token (what <c>kubectl create token</c> calls).</summary>
internal sealed class ServiceAccountTokenHandler(TokenRequestHandler tokens) : ISubresourceHandler
{
    public (string StorageKey, string Subresource) Route => ("serviceaccounts", "token");

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        if (context.Request.Method != "POST" || path.Name is null)
        {
            throw ApiException.MethodNotAllowed("serviceaccounts/token only supports create (POST)");
        }
        var body = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        await ResponseWriter.WriteAsync(context, 201, tokens.Create(path.Namespace ?? "default", path.Name, body));
    }
}
