using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>Printers for ingresses, ingress classes, network policies and endpoint slices.</summary>
internal static class NetworkingPrinters
{
    private const int MaxListed = 3;

    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        (("networking.k8s.io", "Ingress"), Ingress()),
        (("networking.k8s.io", "IngressClass"), IngressClass()),
        (("networking.k8s.io", "NetworkPolicy"), CorePrinters.Simple(
            TableColumn.Str("Pod-Selector", "Labels of the pods the policy applies to."),
            np => LabelText.FormatSelector(np.At("spec", "podSelector")))),
        (("discovery.k8s.io", "EndpointSlice"), EndpointSlice()),
    ];

    private static ResourcePrinter Ingress() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Class", "The ingress class that implements the ingress."),
            TableColumn.Str("Hosts", "Hosts the rules match."),
            TableColumn.Str("Address", "Load-balancer addresses of the ingress."),
            TableColumn.Str("Ports", "Ports the ingress serves on."),
            TableColumn.Age,
        ],
        (ing, now) =>
        [
            ing.Text("metadata", "name"),
            ing.Str("spec", "ingressClassName") ?? LabelText.None,
            Hosts(ing.Objects("spec", "rules")),
            CorePrinters.LoadBalancerIngress(ing.At("status", "loadBalancer")),
            ing.Count("spec", "tls") > 0 ? "80, 443" : "80",
            Timestamps.Age(ing, now),
        ]);

    private static string Hosts(IReadOnlyList<JsonObject> rules)
    {
        var hosts = new List<string>();
        foreach (var rule in rules)
        {
            if (hosts.Count == MaxListed)
            {
                return $"{string.Join(",", hosts)} + {rules.Count - MaxListed} more...";
            }
            if (rule.Text("host") is { Length: > 0 } host)
            {
                hosts.Add(host);
            }
        }
        return hosts.Count == 0 ? "*" : string.Join(",", hosts);
    }

    private static ResourcePrinter IngressClass() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Controller", "The controller that implements the class."),
            TableColumn.Str("Parameters", "The resource holding the class's parameters."),
            TableColumn.Age,
        ],
        (ic, now) =>
        {
            var parameters = LabelText.None;
            if (ic.Obj("spec", "parameters") is { } p)
            {
                parameters = p.Text("kind");
                if (p.Str("apiGroup") is { } group)
                {
                    parameters += "." + group;
                }
                parameters += "/" + p.Text("name");
            }
            return [ic.Text("metadata", "name"), ic.Text("spec", "controller"), parameters, Timestamps.Age(ic, now)];
        });

    private static ResourcePrinter EndpointSlice() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("AddressType", "Type of the addresses: IPv4, IPv6 or FQDN."),
            TableColumn.Str("Ports", "Up to three ports of the slice."),
            TableColumn.Str("Endpoints", "Up to three endpoint addresses."),
            TableColumn.Age,
        ],
        (slice, now) =>
        [
            slice.Text("metadata", "name"),
            slice.Text("addressType"),
            ListWithMore(slice.Objects("ports").Select(p =>
                p.Long("port")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? p.Str("name") ?? "*").ToList()),
            ListWithMore(slice.Objects("endpoints").SelectMany(e => e.Strings("addresses")).ToList()),
            Timestamps.Age(slice, now),
        ]);

    /// <summary>The first three entries, then "+ N more...", or <c>&lt;unset&gt;</c> for none.</summary>
    private static string ListWithMore(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return "<unset>";
        }
        var text = string.Join(",", items.Take(MaxListed));
        return items.Count > MaxListed ? $"{text} + {items.Count - MaxListed} more..." : text;
    }
}
