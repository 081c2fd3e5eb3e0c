using System.Text.Json.Nodes;
using KubeMcp.Cluster.Serialization;

namespace KubeMcp.Cluster.Printing;

/// <summary>
/// Printers for persistent volumes and claims, storage classes and the CSI kinds.
/// </summary>
internal static class StoragePrinters
{
    private const string BetaStorageClassAnnotation = "volume.beta.kubernetes.io/storage-class";
    private const string Unset = "<unset>";

    public static IEnumerable<((string Group, string Kind) Key, ResourcePrinter Printer)> All() =>
    [
        (("", "PersistentVolume"), PersistentVolume()),
        (("", "PersistentVolumeClaim"), PersistentVolumeClaim()),
        (("storage.k8s.io", "StorageClass"), StorageClass()),
        (("storage.k8s.io", "CSIDriver"), CsiDriver()),
        (("storage.k8s.io", "CSINode"), CorePrinters.Simple(
            TableColumn.Int("Drivers", "Number of CSI drivers registered on the node."), n => (long)n.Count("spec", "drivers"))),
        (("storage.k8s.io", "CSIStorageCapacity"), CsiStorageCapacity()),
        (("storage.k8s.io", "VolumeAttachment"), VolumeAttachment()),
    ];

    private static ResourcePrinter PersistentVolume() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Capacity", "Storage capacity of the volume."),
            TableColumn.Str("Access Modes", "How the volume can be mounted (RWO, ROX, RWX, RWOP)."),
            TableColumn.Str("Reclaim Policy", "What happens to the volume when its claim is released."),
            TableColumn.Str("Status", "Phase of the volume."),
            TableColumn.Str("Claim", "The claim bound to the volume, as namespace/name."),
            TableColumn.Str("StorageClass", "Storage class of the volume."),
            TableColumn.Str("VolumeAttributesClass", "Volume attributes class of the volume."),
            TableColumn.Str("Reason", "Why the volume is in its phase."),
            TableColumn.Age,
            TableColumn.Str("VolumeMode", "Filesystem or Block.", 1),
        ],
        (pv, now) =>
        {
            var spec = pv["spec"];
            var claim = spec.Obj("claimRef") is { } claimRef ? $"{claimRef.Text("namespace")}/{claimRef.Text("name")}" : "";
            return
            [
                pv.Text("metadata", "name"),
                spec.Str("capacity", "storage") ?? "0",
                AccessModes(spec.Strings("accessModes")),
                spec.Text("persistentVolumeReclaimPolicy"),
                Phase(pv),
                claim,
                pv.Str("metadata", "annotations", BetaStorageClassAnnotation) ?? spec.Text("storageClassName"),
                spec.Str("volumeAttributesClassName") ?? Unset,
                pv.Text("status", "reason"),
                Timestamps.Age(pv, now),
                spec.Str("volumeMode") ?? Unset,
            ];
        });

    private static ResourcePrinter PersistentVolumeClaim() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Status", "Phase of the claim."),
            TableColumn.Str("Volume", "The volume bound to the claim."),
            TableColumn.Str("Capacity", "Capacity of the bound volume."),
            TableColumn.Str("Access Modes", "How the bound volume can be mounted."),
            TableColumn.Str("StorageClass", "Storage class the claim asks for."),
            TableColumn.Str("VolumeAttributesClass", "Volume attributes class the claim asks for."),
            TableColumn.Age,
            TableColumn.Str("VolumeMode", "Filesystem or Block.", 1),
        ],
        (pvc, now) =>
        {
            var spec = pvc["spec"];
            var volumeName = spec.Text("volumeName");
            // Capacity and access modes only mean something once the claim is bound.
            var bound = volumeName.Length > 0;
            return
            [
                pvc.Text("metadata", "name"),
                Phase(pvc),
                volumeName,
                bound ? pvc.Str("status", "capacity", "storage") ?? "0" : "",
                bound ? AccessModes(pvc.Strings("status", "accessModes")) : "",
                pvc.Str("metadata", "annotations", BetaStorageClassAnnotation) ?? spec.Text("storageClassName"),
                spec.Str("volumeAttributesClassName") ?? Unset,
                Timestamps.Age(pvc, now),
                spec.Str("volumeMode") ?? Unset,
            ];
        });

    private static string Phase(JsonObject obj) =>
        obj.At("metadata", "deletionTimestamp") is not null ? "Terminating" : obj.Text("status", "phase");

    /// <summary>Access modes abbreviated, in upstream's fixed order and without duplicates.</summary>
    private static string AccessModes(IReadOnlyList<string> modes) => string.Join(",",
        new[] { ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP") }
            .Where(m => modes.Contains(m.Item1))
            .Select(m => m.Item2));

    private static ResourcePrinter StorageClass() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("Provisioner", "The volume plugin that provisions volumes."),
            TableColumn.Str("ReclaimPolicy", "Reclaim policy of provisioned volumes."),
            TableColumn.Str("VolumeBindingMode", "When volumes are bound and provisioned."),
            TableColumn.Str("AllowVolumeExpansion", "Whether claims may be expanded."),
            TableColumn.Age,
        ],
        (sc, now) =>
        {
            var annotations = sc.Obj("metadata", "annotations");
            var isDefault = annotations.Str("storageclass.kubernetes.io/is-default-class") == "true"
                            || annotations.Str("storageclass.beta.kubernetes.io/is-default-class") == "true";
            var name = sc.Text("metadata", "name");
            return
            [
                isDefault ? name + " (default)" : name,
                sc.Text("provisioner"),
                sc.Str("reclaimPolicy") ?? "Delete",
                sc.Str("volumeBindingMode") ?? "Immediate",
                sc.Bool("allowVolumeExpansion") ?? false,
                Timestamps.Age(sc, now),
            ];
        });

    private static ResourcePrinter CsiDriver() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Boolean("AttachRequired", "Whether volumes need an attach operation."),
            TableColumn.Boolean("PodInfoOnMount", "Whether pod information is passed on mount."),
            TableColumn.Boolean("StorageCapacity", "Whether the driver reports storage capacity."),
            TableColumn.Str("TokenRequests", "Audiences of service account tokens passed to the driver."),
            TableColumn.Boolean("RequiresRepublish", "Whether volumes are periodically republished."),
            TableColumn.Str("Modes", "Volume lifecycle modes the driver supports."),
            TableColumn.Age,
        ],
        (driver, now) =>
        {
            var spec = driver["spec"];
            var modes = string.Join(",", spec.Strings("volumeLifecycleModes"));
            var tokenRequests = spec.At("tokenRequests") is JsonArray
                ? string.Join(",", spec.Objects("tokenRequests").Select(t => t.Text("audience")))
                : Unset;
            return
            [
                driver.Text("metadata", "name"),
                spec.Bool("attachRequired") ?? true,
                spec.Bool("podInfoOnMount") ?? false,
                spec.Bool("storageCapacity") ?? false,
                tokenRequests,
                spec.Bool("requiresRepublish") ?? false,
                modes.Length == 0 ? LabelText.None : modes,
                Timestamps.Age(driver, now),
            ];
        });

    private static ResourcePrinter CsiStorageCapacity() => new(
        [
            TableColumn.ObjectName,
            TableColumn.Str("StorageClassName", "Storage class the capacity applies to."),
            TableColumn.Str("Capacity", "Available capacity."),
        ],
        (capacity, _) =>
        [
            capacity.Text("metadata", "name"),
            capacity.Text("storageClassName"),
            capacity.Str("capacity") ?? Unset,
        ]);

    private static ResourcePrinter VolumeAttachment() => new(
        [
            TableColumn.ObjectName,
            new TableColumn("Attacher", "string", "The volume driver that attaches the volume.", Format: "name"),
            TableColumn.Str("PV", "The persistent volume being attached."),
            TableColumn.Str("Node", "The node the volume is attached to."),
            TableColumn.Boolean("Attached", "Whether the attach operation succeeded."),
            TableColumn.Age,
        ],
        (va, now) =>
        [
            va.Text("metadata", "name"),
            va.Text("spec", "attacher"),
            va.Text("spec", "source", "persistentVolumeName"),
            va.Text("spec", "nodeName"),
            va.Bool("status", "attached") ?? false,
            Timestamps.Age(va, now),
        ]);
}
