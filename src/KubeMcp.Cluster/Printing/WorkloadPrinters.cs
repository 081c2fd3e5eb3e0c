using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Printers for the controllers that run pods: deployments, replica sets, replication controllers, stateful sets,
/// daemon sets, plus pod templates and controller revisions.
/// </summary>
internal static class WorkloadPrinters
{
    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        (("apps", "Deployment"), Deployment()),
        (("apps", "ReplicaSet"), ReplicaCounts(LabelText.FormatSelector)),
        (("", "ReplicationController"), ReplicaCounts(LabelText.FormatMap)),
        (("apps", "StatefulSet"), StatefulSet()),
        (("apps", "DaemonSet"), DaemonSet()),
        (("apps", "ControllerRevision"), ControllerRevision()),
        (("", "PodTemplate"), PodTemplate()),
    ];

    public static TableColumn Containers { get; } = TableColumn.Str("Containers", "Names of the containers in the pod template.", 1);

    public static TableColumn Images { get; } = TableColumn.Str("Images", "Images of the containers in the pod template.", 1);

    public static TableColumn Selector { get; } = TableColumn.Str("Selector", "Label selector for the pods.", 1);

    /// <summary>Container names and images of a pod spec, each comma-joined.</summary>
    public static (string Names, string Images) ContainerCells(JsonNode? podSpec)
    {
        var containers = podSpec.Objects("containers");
        return (string.Join(",", containers.Select(c => c.Text("name"))), string.Join(",", containers.Select(c => c.Text("image"))));
    }

    private static ResourcePrinter Deployment() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Ready", "Ready pods out of desired pods."),
            TableColumn.Str("Up-to-date", "Pods that run the current pod template."),
            TableColumn.Str("Available", "Pods available to serve."),
            TableColumn.Age,
            Containers,
            Images,
            Selector,
        ],
        (d, now) =>
        {
            var (names, images) = ContainerCells(d.At("spec", "template", "spec"));
            return
            [
                d.Text("metadata", "name"),
                $"{d.Long("status", "readyReplicas") ?? 0}/{Replicas(d)}",
                d.Long("status", "updatedReplicas") ?? 0,
                d.Long("status", "availableReplicas") ?? 0,
                Timestamps.Age(d, now),
                names,
                images,
                // Deployments print the bare selector: empty rather than <none> when it matches everything.
                LabelText.SelectorString(d.At("spec", "selector")) ?? "<invalid>",
            ];
        });

    /// <summary>Replica sets and replication controllers print alike; only their selector types differ.</summary>
    private static ResourcePrinter ReplicaCounts(Func<JsonNode?, string> formatSelector) => new(
        [
            TableColumn.ObjectName,
            TableColumn.Int("Desired", "Desired number of pods."),
            TableColumn.Int("Current", "Pods that exist now."),
            TableColumn.Int("Ready", "Pods that are ready."),
            TableColumn.Age,
            Containers,
            Images,
            Selector,
        ],
        (rs, now) =>
        {
            var (names, images) = ContainerCells(rs.At("spec", "template", "spec"));
            return
            [
                rs.Text("metadata", "name"),
                Replicas(rs),
                rs.Long("status", "replicas") ?? 0,
                rs.Long("status", "readyReplicas") ?? 0,
                Timestamps.Age(rs, now),
                names,
                images,
                formatSelector(rs.At("spec", "selector")),
            ];
        });

    private static ResourcePrinter StatefulSet() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Ready", "Ready pods out of desired pods."),
            TableColumn.Age,
            Containers,
            Images,
        ],
        (sts, now) =>
        {
            var (names, images) = ContainerCells(sts.At("spec", "template", "spec"));
            return
            [
                sts.Text("metadata", "name"),
                $"{sts.Long("status", "readyReplicas") ?? 0}/{Replicas(sts)}",
                Timestamps.Age(sts, now),
                names,
                images,
            ];
        });

    private static ResourcePrinter DaemonSet() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Int("Desired", "Nodes that should run the daemon pod."),
            TableColumn.Int("Current", "Nodes that run the daemon pod."),
            TableColumn.Int("Ready", "Nodes whose daemon pod is ready."),
            TableColumn.Int("Up-to-date", "Nodes that run the current pod template."),
            TableColumn.Int("Available", "Nodes whose daemon pod is available."),
            TableColumn.Str("Node Selector", "Node labels the daemon pods are limited to."),
            TableColumn.Age,
            Containers,
            Images,
            Selector,
        ],
        (ds, now) =>
        {
            var podSpec = ds.At("spec", "template", "spec");
            var (names, images) = ContainerCells(podSpec);
            return
            [
                ds.Text("metadata", "name"),
                ds.Long("status", "desiredNumberScheduled") ?? 0,
                ds.Long("status", "currentNumberScheduled") ?? 0,
                ds.Long("status", "numberReady") ?? 0,
                ds.Long("status", "updatedNumberScheduled") ?? 0,
                ds.Long("status", "numberAvailable") ?? 0,
                LabelText.FormatMap(podSpec.At("nodeSelector")),
                Timestamps.Age(ds, now),
                names,
                images,
                LabelText.FormatSelector(ds.At("spec", "selector")),
            ];
        });

    private static ResourcePrinter ControllerRevision() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Controller", "The object that owns this revision, as kind.group/name."),
            TableColumn.Str("Revision", "Revision number."),
            TableColumn.Age,
        ],
        (cr, now) =>
        [
            cr.Text("metadata", "name"),
            ControllerName(cr),
            cr.Long("revision") ?? 0,
            Timestamps.Age(cr, now),
        ]);

    private static ResourcePrinter PodTemplate() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Containers", "Names of the containers in the template."),
            TableColumn.Str("Images", "Images of the containers in the template."),
            TableColumn.Str("Pod Labels", "Labels of pods made from the template."),
        ],
        (pt, _) =>
        {
            var (names, images) = ContainerCells(pt.At("template", "spec"));
            return [pt.Text("metadata", "name"), names, images, LabelText.FormatMap(pt.At("template", "metadata", "labels"))];
        });

    /// <summary>Desired replicas; a missing field reads as 1, the default the API server applies.</summary>
    private static long Replicas(JsonObject obj) => obj.Long("spec", "replicas") ?? 1;

    private static string ControllerName(JsonObject obj)
    {
        var owner = obj.Objects("metadata", "ownerReferences").FirstOrDefault(o => o.Bool("controller") == true);
        if (owner is null)
        {
            return LabelText.None;
        }
        var apiVersion = owner.Text("apiVersion");
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? "" : apiVersion[..slash];
        var kind = owner.Text("kind");
        var groupKind = group.Length == 0 ? kind : $"{kind}.{group}";
        return groupKind.Length == 0 ? owner.Text("name") : $"{groupKind.ToLowerInvariant()}/{owner.Text("name")}";
    }
}
