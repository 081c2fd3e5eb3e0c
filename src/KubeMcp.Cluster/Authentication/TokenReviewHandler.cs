using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Serves <c>POST /apis/authentication.k8s.io/v1/tokenreviews</c>: tells a caller (a webhook, an aggregated server)
/// who a token belongs to. Nothing is stored.
/// </summary>
internal sealed class TokenReviewHandler(TokenAuthenticator authenticator, TimeProvider time)
{
    /// <summary>Returns the review with its status filled in.</summary>
    /// <exception cref="ApiException">400 when the request carries no token.</exception>
    public JsonObject Review(JsonObject request)
    {
        var spec = request.Obj("spec");
        var token = spec.Text("token");
        if (token.Length == 0)
        {
            throw ApiException.BadRequest("token is required for TokenReview in authentication.k8s.io");
        }
        var audiences = spec.Strings("audiences");
        var result = authenticator.AuthenticateToken(token, time.GetUtcNow(), audiences);

        var status = new JsonObject();
        if (result.Authenticated)
        {
            status["authenticated"] = true;
            status["user"] = result.User!.ToJson();
            status["audiences"] = new JsonArray([.. result.Audiences.Select(v => (JsonNode?)v)]);
        }
        else
        {
            status["user"] = new JsonObject();
        }
        if (result.Error is not null)
        {
            status["error"] = result.Error;
        }

        var response = (JsonObject)request.DeepClone();
        response["apiVersion"] = "authentication.k8s.io/v1";
        response["kind"] = "TokenReview";
        response["metadata"] = Metadata(request);
        response["status"] = status;
        return response;
    }

    internal static JsonObject Metadata(JsonObject request) =>
        request.Obj("metadata")?.DeepClone() as JsonObject ?? new JsonObject { ["creationTimestamp"] = null };
}
