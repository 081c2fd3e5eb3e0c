using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Printers for core/v1 kinds other than pods, nodes and events: services, endpoints, namespaces, config maps,
/// secrets, service accounts, resource quotas and component statuses.
/// </summary>
internal static class CorePrinters
{
    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        (("", "Service"), Service()),
        (("", "Endpoints"), Endpoints()),
        (("", "Namespace"), Simple(TableColumn.Str("Status", "Phase of the namespace."), ns => ns.Text("status", "phase"))),
        (("", "ConfigMap"), Simple(TableColumn.Str("Data", "Number of data entries."),
            cm => (long)(cm.Count("data") + cm.Count("binaryData")))),
        (("", "Secret"), Secret()),
        (("", "ServiceAccount"), Simple(TableColumn.Str("Secrets", "Number of secrets referenced."), sa => (long)sa.Count("secrets"))),
        (("", "ResourceQuota"), ResourceQuota()),
        (("", "ComponentStatus"), ComponentStatus()),
    ];

    /// <summary>NAME, one column, AGE: the shape of many small printers.</summary>
    public static ResourcePrinter Simple(TableColumn column, Func<JsonObject, JsonNode?> cell) => new(
        [TableColumn.ObjectName, column, TableColumn.Age],
        (obj, now) => [obj.Text("metadata", "name"), cell(obj), Timestamps.Age(obj, now)]);

    /// <summary>
    /// Load-balancer ingress points (IPs, else hostnames), de-duplicated and sorted. Tables from the API server are
    /// always built wide, so the list is not clipped.
    /// </summary>
    public static string LoadBalancerIngress(JsonNode? loadBalancerStatus) =>
        string.Join(",", loadBalancerStatus.Objects("ingress")
            .Select(i => i.Text("ip") is { Length: > 0 } ip ? ip : i.Text("hostname"))
            .Where(s => s.Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal));

    private static ResourcePrinter Service() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Type", "How the service is exposed."),
            TableColumn.Str("Cluster-IP", "The service's cluster IP address."),
            TableColumn.Str("External-IP", "Addresses the service is reachable at from outside the cluster."),
            TableColumn.Str("Port(s)", "Ports the service exposes, with node ports."),
            TableColumn.Age,
            TableColumn.Str("Selector", "Labels of the pods the service routes to.", 1),
        ],
        (svc, now) =>
        {
            var spec = svc["spec"];
            var ports = string.Join(",", spec.Objects("ports").Select(p =>
            {
                var port = (p.Long("port") ?? 0).ToString(CultureInfo.InvariantCulture);
                var protocol = p.Str("protocol") ?? "TCP";
                return p.Long("nodePort") is { } nodePort && nodePort > 0 ? $"{port}:{nodePort}/{protocol}" : $"{port}/{protocol}";
            }));
            return
            [
                svc.Text("metadata", "name"),
                ServiceType(spec),
                spec.Strings("clusterIPs").FirstOrDefault() ?? spec.Str("clusterIP") ?? LabelText.None,
                ExternalIp(svc),
                ports.Length == 0 ? LabelText.None : ports,
                Timestamps.Age(svc, now),
                LabelText.FormatMap(spec.At("selector")),
            ];
        });

    /// <summary>The service type; the API server defaults a missing type to ClusterIP.</summary>
    private static string ServiceType(JsonNode? spec) => spec.Str("type") ?? "ClusterIP";

    private static string ExternalIp(JsonObject svc)
    {
        var spec = svc["spec"];
        var externalIps = spec.Strings("externalIPs");
        switch (ServiceType(spec))
        {
            case "ClusterIP" or "NodePort":
                return externalIps.Count > 0 ? string.Join(",", externalIps) : LabelText.None;
            case "LoadBalancer":
                var ingress = LoadBalancerIngress(svc.At("status", "loadBalancer"));
                if (externalIps.Count > 0)
                {
                    return string.Join(",", (ingress.Length > 0 ? ingress.Split(',') : []).Concat(externalIps));
                }
                return ingress.Length > 0 ? ingress : "<pending>";
            case "ExternalName":
                return spec.Text("externalName");
            default:
                return Timestamps.Unknown;
        }
    }

    private static ResourcePrinter Endpoints() => Simple(
        TableColumn.Str("Endpoints", "Up to three ready addresses with their ports."),
        ep => FormatEndpoints(ep));

    private static string FormatEndpoints(JsonObject ep)
    {
        var subsets = ep.Objects("subsets");
        if (subsets.Count == 0)
        {
            return LabelText.None;
        }
        const int max = 3;
        var list = new List<string>();
        var more = false;
        var count = 0;
        foreach (var subset in subsets)
        {
            var addresses = subset.Objects("addresses").Select(a => a.Text("ip")).ToList();
            var ports = subset.Objects("ports");
            // Headless services may have no ports: list the bare addresses.
            IEnumerable<long?> portNumbers = ports.Count == 0 ? [null] : ports.Select(p => (long?)(p.Long("port") ?? 0));
            foreach (var port in portNumbers)
            {
                count += addresses.Count;
                foreach (var ip in addresses)
                {
                    if (list.Count == max)
                    {
                        more = true;
                        break;
                    }
                    list.Add(port is { } p ? HostPort(ip, p) : ip);
                }
            }
        }
        var text = string.Join(",", list);
        return more ? $"{text} + {count - max} more..." : text;
    }

    private static string HostPort(string host, long port) =>
        host.Contains(':') ? $"[{host}]:{port}" : $"{host}:{port}";

    private static ResourcePrinter Secret() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Type", "Type of the secret."),
            TableColumn.Str("Data", "Number of data entries."),
            TableColumn.Age,
        ],
        (secret, now) =>
        [
            secret.Text("metadata", "name"),
            secret.Text("type"),
            (long)secret.Count("data"),
            Timestamps.Age(secret, now),
        ]);

    private static ResourcePrinter ResourceQuota() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Request", "Used and hard amounts of every quota that is not a limit."),
            TableColumn.Str("Limit", "Used and hard amounts of the limits.* quotas."),
            TableColumn.Age,
        ],
        (quota, now) =>
        {
            var used = quota.Obj("status", "used");
            var requests = new List<string>();
            var limits = new List<string>();
            foreach (var (resource, hard) in quota.StringMap("status", "hard").OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var entry = $"{resource}: {used.Str(resource) ?? "0"}/{hard}";
                (resource.StartsWith("limits.", StringComparison.Ordinal) ? limits : requests).Add(entry);
            }
            return
            [
                quota.Text("metadata", "name"),
                string.Join(", ", requests),
                string.Join(", ", limits),
                Timestamps.Age(quota, now),
            ];
        });

    private static ResourcePrinter ComponentStatus() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Status", "Whether the component is healthy."),
            TableColumn.Str("Message", "Message of the Healthy condition."),
            TableColumn.Str("Error", "Error of the Healthy condition."),
        ],
        (cs, _) =>
        {
            var healthy = cs.Objects("conditions").FirstOrDefault(c => c.Text("type") == "Healthy");
            var status = healthy is null ? "Unknown" : healthy.Text("status") == "True" ? "Healthy" : "Unhealthy";
            return [cs.Text("metadata", "name"), status, healthy.Text("message"), healthy.Text("error")];
        });
}
