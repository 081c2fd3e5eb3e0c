using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Http;
using Microsoft.AspNetCore.Http;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// <c>GET pods/{name}/log</c>: a simulated container's log as text/plain, with the options <c>kubectl logs</c> uses
/// (container, previous, tailLines, sinceSeconds, sinceTime, timestamps, limitBytes, follow).
/// </summary>
internal sealed class PodLogHandler(SimulatedKubelets kubelets) : ISubresourceHandler
{
    public (string StorageKey, string Subresource) Route => ("pods", "log");

    public async Task HandleAsync(HttpContext context, ResourcePath path)
    {
        if (context.Request.Method != "GET" || path.Name is null)
        {
            throw ApiException.MethodNotAllowed("pods/log only supports get (GET pods/{name}/log)");
        }
        var options = PodLogOptions.Parse(context.Request.Query, path.Name);
        var (pod, _, runtime) = kubelets.Pod(path.Namespace ?? "default", path.Name, "log");
        var container = PodContainers.Resolve(pod, options.Container);
        var instance = ContainerLogSelector.Select(pod, container, options.Previous, runtime);

        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        var ct = context.RequestAborted;
        var writer = new ContainerLogWriter(response.Body, options, kubelets.Clock);
        await response.StartAsync(ct);
        var covered = await writer.WriteExistingAsync(instance, ct);
        if (!options.Follow)
        {
            return;
        }
        try
        {
            await writer.FollowAsync(instance, covered,
                () => ContainerLogSelector.Find(kubelets.Kubelet.Runtime(pod.Uid()), container, instance.ContainerId), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client stopped following.
        }
    }
}
