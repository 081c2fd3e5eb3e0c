using System.Text.Json;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Controllers.Workloads;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Cluster.Controllers.Networking;

/// <summary>
/// The pods behind a Service, as the endpoints and endpointslice controllers compute them: pods selected by
/// <c>spec.selector</c> that have an IP and have not finished, each with the service ports resolved against the
/// pod's container ports (a named targetPort is looked up by name and protocol; a pod without it is left out of that
/// port), and its readiness.
/// </summary>
internal static class ServiceBackends
{
    /// <summary>The Service's selector, or null when the Service's endpoints are not managed by a controller.</summary>
    public static LabelSelector? Selector(JsonObject service) =>
        service.Str("spec.type") != "ExternalName" && service.At("spec.selector") is JsonObject { Count: > 0 } selector
            ? LabelSelector.FromObject(new JsonObject { ["matchLabels"] = selector.DeepClone() })
            : null;

    public static bool IsHeadless(JsonObject service) => service.Str("spec.clusterIP") == "None";

    public static bool PublishNotReady(JsonObject service) =>
        service.At("spec.publishNotReadyAddresses") is JsonValue v && v.TryGetValue<bool>(out var publish) && publish;

    /// <summary>The Service's labels as its endpoints carry them, marked when the Service is headless.</summary>
    public static JsonObject EndpointLabels(JsonObject service)
    {
        var labels = service.Labels()?.DeepClone() as JsonObject ?? new JsonObject();
        if (IsHeadless(service))
        {
            labels["service.kubernetes.io/headless"] = "";
        }
        return labels;
    }

    /// <summary>
    /// Backends grouped by the ports they serve, in a stable order; a pod serving none of the Service's ports is left out
    /// (unless the Service has no ports).
    /// </summary>
    public static IEnumerable<IGrouping<string, Backend>> ByPorts(JsonObject service, IEnumerable<Backend> backends)
    {
        var hasPorts = (service.At("spec.ports") as JsonArray)?.Count > 0;
        return backends.Where(b => b.Ports.Count > 0 || !hasPorts).GroupBy(b => b.PortKey).OrderBy(g => g.Key, StringComparer.Ordinal);
    }

    /// <summary>Selected pods with an IP that have not finished; terminating ones only when asked for.</summary>
    public static IEnumerable<Backend> For(JsonObject service, LabelSelector selector, IEnumerable<JsonObject> pods, bool includeTerminating)
    {
        var publish = PublishNotReady(service);
        foreach (var pod in pods.Where(p => selector.Matches(p.Labels())).OrderBy(p => p.Name(), StringComparer.Ordinal))
        {
            var ip = pod.Str("status.podIP");
            var terminating = PodControl.IsTerminating(pod);
            if (string.IsNullOrEmpty(ip) || pod.Str("status.phase") is "Succeeded" or "Failed" || (terminating && !includeTerminating && !publish))
            {
                continue;
            }
            var serving = PodTemplates.IsReady(pod);
            yield return new Backend(pod, ip, publish || (serving && !terminating), serving, terminating, Ports(service, pod));
        }
    }

    /// <summary>The service ports the pod serves, as endpoint ports (name, port, protocol, appProtocol).</summary>
    private static List<JsonObject> Ports(JsonObject service, JsonObject pod)
    {
        var ports = new List<JsonObject>();
        foreach (var servicePort in (service.At("spec.ports") as JsonArray ?? []).OfType<JsonObject>())
        {
            var protocol = servicePort.Str("protocol") ?? "TCP";
            var number = Resolve(servicePort["targetPort"] ?? servicePort["port"], protocol, pod);
            if (number is null)
            {
                continue;
            }
            var port = new JsonObject { ["name"] = servicePort.Str("name") ?? "", ["port"] = number.Value, ["protocol"] = protocol };
            if (servicePort.Str("appProtocol") is { } appProtocol)
            {
                port["appProtocol"] = appProtocol;
            }
            ports.Add(port);
        }
        return ports;
    }

    private static long? Resolve(JsonNode? targetPort, string protocol, JsonObject pod)
    {
        if (targetPort is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            return JsonObjectExtensions.AsLong(v);
        }
        var name = targetPort?.ToString();
        return (pod.At("spec.containers") as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
            .FirstOrDefault(p => p.Str("name") == name && (p.Str("protocol") ?? "TCP") == protocol)
            ?.Int("containerPort");
    }
}
