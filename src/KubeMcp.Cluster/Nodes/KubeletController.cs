using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers;
using KubeMcp.Cluster.Kubelet;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// The simulated kubelets of every node: runs the pods bound to a node through their lifecycle (image pull,
/// container start, restarts with back-off, termination) on the simulation clock, and finishes graceful deletions.
/// Nothing is executed: what a container does comes from <see cref="PodRuntime"/>.
/// </summary>
internal sealed class KubeletController : Controller
{
    public const string Component = "kubelet";

    private readonly Dictionary<string, PodRuntime> _pods = new(StringComparer.Ordinal);
    private readonly PodIpAllocator _ips = new();
    private readonly StaleStateTracker _staleState = new();
    private readonly Dictionary<string, HashSet<string>> _nodeImages = new(StringComparer.Ordinal);

    /// <summary>The images the simulated nodes can pull; extend it with <see cref="ImageCatalog.LoadOverrides"/>.</summary>
    public ImageCatalog Images { get; } = new();

    public override string Name => Component;

    /// <summary>Images every node has from the start (see <see cref="EmbeddedClusterOptions.PreloadedImages"/>).</summary>
    public IReadOnlyList<string> PreloadedImages { get; set; } = [];

    public override IEnumerable<ControllerWatch> Watches =>
    [
        new("pods", e => e.Object.Str("spec.nodeName") is { Length: > 0 } || e.Type == WatchEventType.Deleted ? [$"{e.Namespace}/{e.Name}"] : []),
    ];

    /// <summary>The runtime state of a pod's containers (for logs, exec and metrics), if the pod runs on a node.</summary>
    public PodRuntime? Runtime(string uid)
    {
        lock (_pods)
        {
            return _pods.GetValueOrDefault(uid);
        }
    }

    /// <summary>Every pod runtime on one node (for node metrics and the stats summary).</summary>
    public IReadOnlyList<PodRuntime> RuntimesOn(string node)
    {
        lock (_pods)
        {
            return [.. _pods.Values.Where(p => p.Node == node)];
        }
    }

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var podType = context.Type("", "pods");
        var pod = context.Registry.TryGet(podType, ns, name);
        if (pod is null)
        {
            Forget(key);
            return;
        }
        var nodeName = pod.Str("spec.nodeName");
        if (string.IsNullOrEmpty(nodeName))
        {
            return;
        }
        var node = context.Registry.TryGet(context.Type("", "nodes"), null, nodeName);
        if (node?.Annotations()?["sim.kubemcp.io/simulated"]?.ToString() != "true")
        {
            // No simulated kubelet runs there: the pod is left as its writer made it, as on a node that is gone.
            return;
        }
        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            Terminate(pod, nodeName, context);
            return;
        }
        PodRuntime runtime;
        lock (_pods)
        {
            if (!_pods.TryGetValue(pod.Uid(), out runtime!))
            {
                var hostIp = (node?.At("status.addresses") as JsonArray)?.OfType<JsonObject>()
                    .FirstOrDefault(a => a["type"]?.ToString() == "InternalIP")?["address"]?.ToString() ?? "172.18.0.2";
                runtime = new PodRuntime(pod, nodeName, hostIp, _ips.Next(nodeName), context.Now, _staleState.CrashLineFor(pod));
                _pods[pod.Uid()] = runtime;
            }
        }
        HashSet<string> images;
        lock (_nodeImages)
        {
            if (!_nodeImages.TryGetValue(nodeName, out images!))
            {
                _nodeImages[nodeName] = images = new HashSet<string>(PreloadedImages, StringComparer.Ordinal) { "registry.k8s.io/pause:3.10" };
            }
        }
        var step = runtime.Advance(pod, context.Registry, Images, images, context.Now);
        foreach (var e in step.Events)
        {
            context.Events.Record(pod, e.Type, e.Reason, e.Message, Component, nodeName, e.FieldPath);
        }
        try
        {
            context.UpdateStatus(podType, pod, step.Status);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Deleted while this sync ran (a force delete skips the graceful path): nothing is left to report on.
            Drop(pod.Uid(), null);
            return;
        }
        if (step.NextTransition is { } next)
        {
            context.Requeue(key, next);
        }
    }

    private void Terminate(JsonObject pod, string nodeName, ControllerContext context)
    {
        foreach (var container in (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>())
        {
            var containerName = container["name"]?.ToString();
            context.Events.Normal(pod, "Killing", $"Stopping container {containerName}", Component, nodeName, $"spec.containers{{{containerName}}}");
        }
        try
        {
            context.Registry.Delete(context.Type("", "pods"), pod.Namespace(), pod.Name(), new DeleteOptions(GracePeriodSeconds: 0));
        }
        catch (ApiException e) when (e.Code == 404)
        {
        }
        Drop(pod.Uid(), context.Now);
    }

    private void Forget(string key)
    {
        List<string> gone;
        lock (_pods)
        {
            gone = [.. _pods.Where(p => p.Value.Key == key).Select(p => p.Key)];
        }
        foreach (var uid in gone)
        {
            Drop(uid, null);
        }
    }

    /// <summary>Forgets a pod's runtime (stopping its containers at <paramref name="now"/> when given).</summary>
    private void Drop(string uid, DateTimeOffset? now)
    {
        lock (_pods)
        {
            if (_pods.Remove(uid, out var runtime) && now is { } at)
            {
                runtime.Stop(at);
            }
            _staleState.Deleted(uid);
        }
    }
}
