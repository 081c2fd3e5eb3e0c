using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// <c>kubectl get nodes</c>: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION
/// CONTAINER-RUNTIME. STATUS comes from the Ready condition (<c>Ready</c>, <c>NotReady</c>, or <c>Unknown</c> when the
/// node has none) plus <c>SchedulingDisabled</c> for cordoned nodes.
/// </summary>
internal static class NodePrinter
{
    private const string RoleLabelPrefix = "node-role.kubernetes.io/";
    private const string LegacyRoleLabel = "kubernetes.io/role";

    public static ResourcePrinter Create() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Status", "Readiness of the node, and whether it is cordoned."),
            TableColumn.Str("Roles", "Roles from the node's node-role.kubernetes.io/* labels."),
            TableColumn.Age,
            TableColumn.Str("Version", "Kubelet version."),
            TableColumn.Str("Internal-IP", "The node's first internal IP address.", 1),
            TableColumn.Str("External-IP", "The node's first external IP address.", 1),
            TableColumn.Str("OS-Image", "Operating system image reported by the kubelet.", 1),
            TableColumn.Str("Kernel-Version", "Kernel version reported by the kubelet.", 1),
            TableColumn.Str("Container-Runtime", "Container runtime and version.", 1),
        ],
        Cells);

    private static JsonNode?[] Cells(JsonObject node, DateTimeOffset now)
    {
        var status = node["status"];
        var states = new List<string>();
        // Upstream keys conditions by type, so the last Ready condition listed is the one shown.
        if (status.Objects("conditions").LastOrDefault(c => c.Text("type") == "Ready") is { } ready)
        {
            states.Add(ready.Text("status") == "True" ? "Ready" : "NotReady");
        }
        else
        {
            states.Add("Unknown");
        }
        if (node.Bool("spec", "unschedulable") == true)
        {
            states.Add("SchedulingDisabled");
        }

        var roles = string.Join(",", Roles(node));
        var info = status.Obj("nodeInfo");
        return
        [
            node.Text("metadata", "name"),
            string.Join(",", states),
            roles.Length == 0 ? LabelText.None : roles,
            Timestamps.Age(node, now),
            info.Text("kubeletVersion"),
            Address(status, "InternalIP"),
            Address(status, "ExternalIP"),
            OrUnknown(info.Text("osImage")),
            OrUnknown(info.Text("kernelVersion")),
            OrUnknown(info.Text("containerRuntimeVersion")),
        ];
    }

    private static IEnumerable<string> Roles(JsonObject node)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.StringMap("metadata", "labels"))
        {
            if (key.StartsWith(RoleLabelPrefix, StringComparison.Ordinal) && key.Length > RoleLabelPrefix.Length)
            {
                roles.Add(key[RoleLabelPrefix.Length..]);
            }
            else if (key == LegacyRoleLabel && value.Length > 0)
            {
                roles.Add(value);
            }
        }
        return roles;
    }

    private static string Address(JsonNode? status, string type) =>
        status.Objects("addresses").FirstOrDefault(a => a.Text("type") == type)?.Text("address") ?? LabelText.None;

    private static string OrUnknown(string value) => value.Length == 0 ? Timestamps.Unknown : value;
}
