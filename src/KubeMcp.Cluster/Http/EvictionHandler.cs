using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Selectors;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Http;

/// <summary>
/// <c>POST pods/{name}/eviction</c> (what <c>kubectl drain</c> uses): deletes the pod unless a PodDisruptionBudget
/// selecting it allows no more disruptions, in which case the answer is 429 as on a real cluster.
/// </summary>
internal sealed class EvictionHandler(ObjectRegistry registry) : ISubresourceHandler
{
    public (string StorageKey, string Subresource) Route => ("pods", "eviction");

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        if (context.Request.Method != "POST" || path.Name is null)
        {
            throw ApiException.MethodNotAllowed("pods/eviction only supports create (POST)");
        }
        var eviction = await RequestBody.ReadObjectAsync(context.Request, context.RequestAborted);
        var ns = path.Namespace ?? "default";
        var pod = registry.Get(path.Type, ns, path.Name);
        var pdbs = registry.Catalog.Find("policy", "v1", "poddisruptionbudgets")!;
        foreach (var pdb in registry.Store.List(pdbs.StorageKey, ns).Items)
        {
            var selector = LabelSelector.FromObject(pdb["spec"]?["selector"] as JsonObject);
            if (!selector.IsEmpty && selector.Matches(pod.Labels()) && (pdb.Int("status.disruptionsAllowed") ?? 0) <= 0
                && pod.Str("status.phase") == "Running")
            {
                throw new ApiException(429, "TooManyRequests",
                    "Cannot evict pod as it would violate the pod's disruption budget.",
                    new JsonObject { ["causes"] = new JsonArray(new JsonObject
                    {
                        ["reason"] = "DisruptionBudget",
                        ["message"] = $"The disruption budget {pdb.Name()} needs {pdb.Int("status.desiredHealthy") ?? 0} healthy pods and has {pdb.Int("status.currentHealthy") ?? 0} currently",
                    }) });
            }
        }
        var grace = eviction.Int("deleteOptions.gracePeriodSeconds");
        registry.Delete(path.Type, ns, path.Name, new DeleteOptions(GracePeriodSeconds: grace));
        await ResponseWriter.WriteAsync(context, 201, ResponseWriter.SuccessStatus());
    }
}
