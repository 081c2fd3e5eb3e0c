using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;

namespace KubeMcp.Cluster.Controllers.Networking;

/// <summary>
/// Keeps a core/v1 Endpoints object per Service with a selector: ready pods under <c>addresses</c>, the others under
/// <c>notReadyAddresses</c>, grouped into subsets by the ports they serve, each address with its pod as targetRef and
/// its node. Endpoints of Services without a selector are the user's and are left alone.
/// </summary>
internal sealed class EndpointsController : Controller
{
    private const string Component = "endpoint-controller";
    private const string TriggerAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

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
        var endpointsType = context.Type("", "endpoints");
        var service = context.Registry.TryGet(context.Type("", "services"), ns, name);
        var existing = context.Registry.TryGet(endpointsType, ns, name);
        if (service is null)
        {
            if (existing is not null)
            {
                try
                {
                    context.Registry.Delete(endpointsType, ns, name, DeleteOptions.Default);
                }
                catch (ApiException e) when (e.Code == 404)
                {
                }
            }
            return;
        }
        if (ServiceBackends.Selector(service) is not { } selector)
        {
            return;
        }
        var backends = ServiceBackends.For(service, selector, context.List(context.Type("", "pods"), ns), includeTerminating: false).ToList();
        var subsets = Subsets(service, backends);
        var labels = ServiceBackends.EndpointLabels(service);
        if (existing is not null && JsonNode.DeepEquals(existing["subsets"], subsets) && JsonNode.DeepEquals(existing.Labels() ?? new JsonObject(), labels))
        {
            return;
        }
        var endpoints = existing?.DeepClone().AsObject() ?? new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        };
        if (labels.Count == 0)
        {
            endpoints.Meta().Remove("labels");
        }
        else
        {
            endpoints.Meta()["labels"] = labels;
        }
        endpoints.Ensure("metadata.annotations")[TriggerAnnotation] = context.Now.Timestamp();
        if (subsets is null)
        {
            endpoints.Remove("subsets");
        }
        else
        {
            endpoints["subsets"] = subsets;
        }
        if (existing is null)
        {
            context.Registry.Create(endpointsType, ns, endpoints, ControllerContext.ControllerWrite);
        }
        else
        {
            context.Registry.Update(endpointsType, ns, name, endpoints, ControllerContext.ControllerWrite);
        }
    }

    private static JsonArray? Subsets(JsonObject service, List<Backend> backends)
    {
        var subsets = new JsonArray();
        foreach (var group in ServiceBackends.ByPorts(service, backends))
        {
            var subset = new JsonObject();
            var ready = new JsonArray(group.Where(b => b.Ready).OrderBy(b => b.Ip, StringComparer.Ordinal).Select(b => (JsonNode)Address(service, b)).ToArray());
            var notReady = new JsonArray(group.Where(b => !b.Ready).OrderBy(b => b.Ip, StringComparer.Ordinal).Select(b => (JsonNode)Address(service, b)).ToArray());
            if (ready.Count > 0)
            {
                subset["addresses"] = ready;
            }
            if (notReady.Count > 0)
            {
                subset["notReadyAddresses"] = notReady;
            }
            var ports = group.First().Ports.Select(p =>
            {
                var port = (JsonObject)p.DeepClone();
                if (port.Str("name") is "")
                {
                    port.Remove("name");
                }
                return (JsonNode)port;
            }).ToArray();
            if (ports.Length > 0)
            {
                subset["ports"] = new JsonArray(ports);
            }
            subsets.Add(subset);
        }
        return subsets.Count == 0 ? null : subsets;
    }

    private static JsonObject Address(JsonObject service, Backend backend)
    {
        var address = new JsonObject { ["ip"] = backend.Ip };
        if (backend.Hostname(service) is { } hostname)
        {
            address["hostname"] = hostname;
        }
        if (backend.NodeName is { } node)
        {
            address["nodeName"] = node;
        }
        address["targetRef"] = backend.TargetRef();
        return address;
    }
}
