using System.Text.Json.Nodes;
using KubeMcp.Cluster.Authentication;
using KubeMcp.Cluster.Authorization;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Security;

/// <summary>The create-only review resources: access reviews, token reviews and self-subject reviews.</summary>
internal static class ReviewHandlers
{
    public static IEnumerable<IReviewHandler> Create(RequestSecurity security, TimeProvider clock)
    {
        var access = new AccessReviewHandler(security.Authorizer);
        var tokens = new TokenReviewHandler(security.Authenticator, clock);
        yield return new Review("selfsubjectaccessreviews.authorization.k8s.io", (ctx, _, r) => access.SelfSubjectAccessReview(r, RequestSecurity.UserOf(ctx)));
        yield return new Review("subjectaccessreviews.authorization.k8s.io", (_, _, r) => access.SubjectAccessReview(r));
        yield return new Review("localsubjectaccessreviews.authorization.k8s.io", (_, ns, r) => access.LocalSubjectAccessReview(ns ?? "default", r));
        yield return new Review("selfsubjectrulesreviews.authorization.k8s.io", (ctx, _, r) => access.SelfSubjectRulesReview(r, RequestSecurity.UserOf(ctx)));
        yield return new Review("tokenreviews.authentication.k8s.io", (_, _, r) => tokens.Review(r));
        yield return new Review("selfsubjectreviews.authentication.k8s.io", (ctx, _, r) => SelfSubjectReviewHandler.Review(r, RequestSecurity.UserOf(ctx), clock.GetUtcNow()));
    }

    private sealed class Review(string storageKey, Func<HttpContext, string?, JsonObject, JsonObject> review) : IReviewHandler
    {
        public string StorageKey => storageKey;

        JsonObject IReviewHandler.Review(HttpContext context, string? ns, JsonObject request) => review(context, ns, request);
    }
}
