using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Registry;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Controllers.Storage;

/// <summary>
/// The volume side of the PersistentVolume controller: a volume nobody claims is Available; when its claim is deleted
/// it is deleted (reclaim policy Delete, as provisioned volumes have) or kept as Released (Retain).
/// </summary>
internal sealed class PersistentVolumeReclaimer : Controller
{
    public override string Name => "persistentvolume-reclaimer";

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("persistentvolumes"),
        new("persistentvolumeclaims", e => e.Type == WatchEventType.Deleted && e.Object.Str("spec.volumeName") is { Length: > 0 } volume
            ? [volume] : []),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var volumeType = context.Type("", "persistentvolumes");
        var volume = context.Registry.TryGet(volumeType, null, key);
        if (volume is null || volume["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        if (volume.At("spec.claimRef") is not JsonObject claimRef)
        {
            context.UpdateStatus(volumeType, volume, new JsonObject { ["phase"] = "Available" });
            return;
        }
        var claim = context.Registry.TryGet(context.Type("", "persistentvolumeclaims"), claimRef.Str("namespace"), claimRef.Str("name") ?? "");
        var uid = claimRef.Str("uid");
        if (claim is not null && (string.IsNullOrEmpty(uid) || claim.Uid() == uid))
        {
            return;
        }
        if (string.IsNullOrEmpty(uid))
        {
            // Pre-bound by its author to a claim that does not exist yet: it waits for that claim.
            context.UpdateStatus(volumeType, volume, new JsonObject { ["phase"] = "Available" });
            return;
        }
        if ((volume.Str("spec.persistentVolumeReclaimPolicy") ?? "Retain") == "Delete")
        {
            try
            {
                context.Registry.Delete(volumeType, null, volume.Name(), DeleteOptions.Default);
            }
            catch (ApiException e) when (e.Code == 404)
            {
            }
            return;
        }
        context.UpdateStatus(volumeType, volume, new JsonObject { ["phase"] = "Released" });
    }
}
