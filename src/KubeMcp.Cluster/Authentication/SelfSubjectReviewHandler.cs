using System.Globalization;
using System.Text.Json.Nodes;

namespace KubeMcp.Cluster.Authentication;

/// <summary>
/// Serves <c>POST /apis/authentication.k8s.io/v1/selfsubjectreviews</c>, which <c>kubectl auth whoami</c> reads:
/// the requester's own user info, after impersonation.
/// </summary>
internal static class SelfSubjectReviewHandler
{
    public static JsonObject Review(JsonObject request, UserInfo requester, DateTimeOffset now)
    {
        var metadata = TokenReviewHandler.Metadata(request);
        metadata["creationTimestamp"] = Rfc3339(now);
        return new JsonObject
        {
            ["kind"] = "SelfSubjectReview",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = metadata,
            ["status"] = new JsonObject { ["userInfo"] = requester.ToJson() },
        };
    }

    /// <summary>A timestamp as Kubernetes serialises <c>metav1.Time</c>: UTC, whole seconds.</summary>
    internal static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
