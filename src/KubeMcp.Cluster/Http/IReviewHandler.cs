using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>Answers a create-only review resource (access reviews, token reviews): the response is computed, never stored.</summary>
internal interface IReviewHandler
{
    string StorageKey { get; }

    JsonObject Review(HttpContext context, string? ns, JsonObject request);
}
