using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// <c>nodes/{node}/proxy/…</c>: what the API server would fetch from the node's kubelet on port 10250 —
/// <c>healthz</c>, <c>pods</c>, <c>stats/summary</c> and <c>logs/…</c> — answered by the simulated kubelet.
/// </summary>
internal sealed class NodeProxyHandler(SimulatedKubelets kubelets) : ISubresourceHandler
{
    private readonly NodeLogEndpoint _logs = new(kubelets);

    public (string StorageKey, string Subresource) Route => ("nodes", "proxy");

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        var name = path.Name ?? throw ApiException.MethodNotAllowed("nodes/proxy needs a node name");
        var node = kubelets.Node(name, "nodes/proxy");
        var segments = (path.SubPath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (context.Request.Method is not ("GET" or "HEAD"))
        {
            throw ApiException.MethodNotAllowed($"the simulated kubelet of node {name} only serves GET");
        }
        switch (segments)
        {
            case ["healthz"]:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                return;
            case ["pods"]:
                await ResponseWriter.WriteAsync(context, 200, new JsonObject
                {
                    ["kind"] = "PodList",
                    ["apiVersion"] = "v1",
                    ["metadata"] = new JsonObject(),
                    ["items"] = new JsonArray([.. kubelets.PodsOn(name).Select(p => (JsonNode)p.DeepClone())]),
                });
                return;
            case ["stats", "summary"]:
                var now = kubelets.Clock.GetUtcNow();
                var pods = kubelets.PodsOn(name)
                    .Select(p => (Pod: p, Runtime: kubelets.Kubelet.Runtime(p.Uid())))
                    .Where(p => p.Runtime is not null)
                    .Select(p => (p.Pod, p.Runtime!))
                    .ToList();
                await ResponseWriter.WriteAsync(context, 200, StatsSummary.Build(node, pods, now));
                return;
            case ["logs", .. var rest]:
                await _logs.ServeAsync(context, node, rest);
                return;
            default:
                await ResponseWriter.WritePageNotFoundAsync(context);
                return;
        }
    }
}
