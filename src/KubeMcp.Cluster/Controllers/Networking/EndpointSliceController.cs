using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Networking;

/// <summary>
/// Keeps the discovery.k8s.io/v1 EndpointSlices of each Service with a selector: one slice (owned by the Service,
/// labelled with its name) per set of ports the pods serve, at most 100 endpoints each, every endpoint with its
/// ready/serving/terminating conditions, node and pod; an empty placeholder slice when no pod backs the Service.
/// </summary>
internal sealed class EndpointSliceController : Controller
{
    private const string Component = "endpointslice-controller";
    private const string ManagedBy = "endpointslice-controller.k8s.io";
    private const string ServiceNameLabel = "kubernetes.io/service-name";
    private const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    private const int MaxEndpointsPerSlice = 100;

    private readonly SelectorIndex _services = new(ServiceBackends.Selector);

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        new("services", _services.SelectorChanged),
        new("pods", _services.PodChanged),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var (ns, name) = Split(key);
        var sliceType = context.Type("discovery.k8s.io", "endpointslices");
        var service = context.Registry.TryGet(context.Type("", "services"), ns, name);
        if (service is null || service["metadata"]?["deletionTimestamp"] is not null || ServiceBackends.Selector(service) is not { } selector)
        {
            // Slices of a deleted Service go with it (they are owned); a Service that lost its selector keeps none.
            return;
        }
        var existing = context.List(sliceType, ns)
            .Where(s => s.Labels()?[ServiceNameLabel]?.ToString() == name && s.Labels()?[ManagedByLabel]?.ToString() == ManagedBy)
            .OrderBy(s => s.Name(), StringComparer.Ordinal).ToList();
        var backends = ServiceBackends.For(service, selector, context.List(context.Type("", "pods"), ns), includeTerminating: true).ToList();
        var desired = ServiceBackends.ByPorts(service, backends)
            .SelectMany(g => g.Chunk(MaxEndpointsPerSlice).Select(chunk => (Ports: g.First().Ports, Endpoints: chunk)))
            .Select(s => (Ports: new JsonArray(s.Ports.Select(p => (JsonNode)p.DeepClone()).ToArray()),
                Endpoints: new JsonArray(s.Endpoints.Select(b => (JsonNode)Endpoint(service, b)).ToArray())))
            .ToList();
        if (desired.Count == 0)
        {
            desired.Add((new JsonArray(), new JsonArray()));
        }
        var labels = Labels(service);
        var unused = new List<JsonObject>(existing);
        foreach (var (ports, endpoints) in desired)
        {
            // Reuse a slice that already serves these ports, so slice names stay stable as pods come and go.
            var slice = unused.FirstOrDefault(s => JsonNode.DeepEquals(s["ports"] ?? new JsonArray(), ports)) ?? unused.FirstOrDefault();
            if (slice is not null)
            {
                unused.Remove(slice);
            }
            Write(context, sliceType, service, slice, labels, ports, endpoints);
        }
        foreach (var stale in unused)
        {
            try
            {
                context.Registry.Delete(sliceType, ns, stale.Name(), DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code == 404)
            {
            }
        }
    }

    private static JsonObject Labels(JsonObject service)
    {
        var labels = ServiceBackends.EndpointLabels(service);
        labels[ServiceNameLabel] = service.Name();
        labels[ManagedByLabel] = ManagedBy;
        return labels;
    }

    private static void Write(ControllerContext context, ResourceType sliceType, JsonObject service, JsonObject? slice, JsonObject labels,
        JsonArray ports, JsonArray endpoints)
    {
        if (slice is not null && JsonNode.DeepEquals(slice["endpoints"] ?? new JsonArray(), endpoints)
            && JsonNode.DeepEquals(slice["ports"] ?? new JsonArray(), ports) && JsonNode.DeepEquals(slice.Labels(), labels))
        {
            return;
        }
        var next = slice?.DeepClone().AsObject() ?? new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["generateName"] = service.Name() + "-",
                ["namespace"] = service.Namespace(),
                ["ownerReferences"] = new JsonArray(ControllerRefs.For(service)),
            },
            ["addressType"] = "IPv4",
        };
        next.Meta()["labels"] = labels.DeepClone();
        next.Ensure("metadata.annotations")["endpoints.kubernetes.io/last-change-trigger-time"] = context.Now.Timestamp();
        next["endpoints"] = endpoints;
        if (ports.Count > 0)
        {
            next["ports"] = ports;
        }
        else
        {
            next.Remove("ports");
        }
        if (slice is null)
        {
            context.Registry.Create(sliceType, service.Namespace(), next, ControllerContext.ControllerWrite);
        }
        else
        {
            context.Registry.Update(sliceType, service.Namespace(), slice.Name(), next, ControllerContext.ControllerWrite);
        }
    }

    private static JsonObject Endpoint(JsonObject service, Backend backend)
    {
        var endpoint = new JsonObject
        {
            ["addresses"] = new JsonArray(backend.Ip),
            ["conditions"] = new JsonObject
            {
                ["ready"] = backend.Ready,
                ["serving"] = backend.Serving,
                ["terminating"] = backend.Terminating,
            },
        };
        if (backend.Hostname(service) is { } hostname)
        {
            endpoint["hostname"] = hostname;
        }
        endpoint["targetRef"] = backend.TargetRef();
        if (backend.NodeName is { } node)
        {
            endpoint["nodeName"] = node;
        }
        return endpoint;
    }
}
