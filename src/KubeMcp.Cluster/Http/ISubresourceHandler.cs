using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>Serves one subresource such as <c>pods/log</c> or <c>pods/exec</c> that is not plain object storage.</summary>
internal interface ISubresourceHandler
{
    /// <summary>The storage key and subresource it serves, e.g. ("pods", "log").</summary>
    (string StorageKey, string Subresource) Route { get; }

    Task HandleAsync(HttpContext context, ResourcePath path);
}
