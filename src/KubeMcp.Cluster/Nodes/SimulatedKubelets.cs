using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Nodes;

/// <summary>
/// What the API server does before it proxies a request to a kubelet: find the pod or node, check a kubelet
/// runs there, and hand over that kubelet's runtime state. Pods on nodes without a simulated kubelet get a clear
/// error instead of a connection failure.
/// </summary>
internal sealed class SimulatedKubelets(ObjectRegistry registry, KubeletController kubelet)
{
    public const string SimulatedAnnotation = "sim.kubemcp.io/simulated";

    public ObjectRegistry Registry => registry;

    public KubeletController Kubelet => kubelet;

    public TimeProvider Clock => registry.Clock;

    public ResourceType Pods { get; } = registry.Catalog.Find("", "v1", "pods")!;

    public ResourceType Nodes { get; } = registry.Catalog.Find("", "v1", "nodes")!;

    /// <summary>The pod, the node it is bound to and its runtime (null until the kubelet has synced it).</summary>
    public (JsonObject Pod, string Node, PodRuntime? Runtime) Pod(string ns, string name, string subresource)
    {
        var pod = registry.Get(Pods, ns, name);
        var nodeName = pod.Str("spec.nodeName");
        if (string.IsNullOrEmpty(nodeName))
        {
            throw ApiException.BadRequest($"pod {name} does not have a host assigned");
        }
        Node(nodeName, $"pods/{subresource}");
        return (pod, nodeName, kubelet.Runtime(pod.Uid()));
    }

    /// <summary>A node whose kubelet is simulated; a 404 if there is no such node, a 503 if nothing simulates it.</summary>
    public JsonObject Node(string name, string serving)
    {
        var node = registry.Get(Nodes, null, name);
        if (node.Annotations()?[SimulatedAnnotation]?.ToString() != "true")
        {
            throw new ApiException(503, "ServiceUnavailable",
                $"the kubelet of node \"{name}\" is not simulated by the KubeMcp embedded cluster (the node lacks the annotation " +
                $"{SimulatedAnnotation}=true), so {serving} cannot be served for it");
        }
        return node;
    }

    /// <summary>Pods bound to a node, as its kubelet sees them.</summary>
    public IReadOnlyList<JsonObject> PodsOn(string node) =>
        [.. registry.Store.List(Pods.StorageKey, null).Items.Where(p => p.Str("spec.nodeName") == node)];
}
