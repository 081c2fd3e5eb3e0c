using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Store;

namespace KubeMcp.Cluster.Controllers.Storage;

/// <summary>
/// Binds PersistentVolumeClaims as the persistentvolume-binder does, with the default StorageClass's provisioner
/// behind it: a claim without a class gets the default one; a matching Available volume is bound; otherwise the
/// class's provisioner makes a volume named <c>pvc-&lt;claim uid&gt;</c> — at once for <c>Immediate</c> classes, and
/// for <c>WaitForFirstConsumer</c> ones only when a pod using the claim has been scheduled (on that pod's node).
/// </summary>
internal sealed class PersistentVolumeBinder : Controller
{
    private const string Component = "persistentvolume-controller";
    private const string AllKey = "*";

    public override string Name => Component;

    public override IEnumerable<ControllerWatch> Watches =>
    [
        ControllerWatch.Self("persistentvolumeclaims"),
        // A scheduled pod is the first consumer a WaitForFirstConsumer claim waits for.
        new("pods", e => e.Type != WatchEventType.Deleted && e.Object.Str("spec.nodeName") is { Length: > 0 }
            ? Volumes.ClaimsOf(e.Object).Select(c => $"{e.Namespace}/{c}") : []),
        // A volume that appears or is released may satisfy a pending claim.
        new("persistentvolumes", e => e.Object.At("spec.claimRef") is JsonObject r
            ? [$"{r.Str("namespace")}/{r.Str("name")}"] : [AllKey]),
        // A class created after its claims (kubectl applies in file order) lets them provision; the real binder
        // finds them on its periodic resync.
        new("storageclasses.storage.k8s.io", e => e.Type == WatchEventType.Added ? [AllKey] : []),
    ];

    public override void Reconcile(string key, ControllerContext context)
    {
        var claimType = context.Type("", "persistentvolumeclaims");
        if (key == AllKey)
        {
            foreach (var pending in context.List(claimType, null).Where(c => c.Str("status.phase") != "Bound"))
            {
                Sync(context, pending);
            }
            return;
        }
        var (ns, name) = Split(key);
        if (context.Registry.TryGet(claimType, ns, name) is { } claim)
        {
            Sync(context, claim);
        }
    }

    private static void Sync(ControllerContext context, JsonObject claim)
    {
        if (claim["metadata"]?["deletionTimestamp"] is not null)
        {
            return;
        }
        var volumeType = context.Type("", "persistentvolumes");
        if (claim.Str("status.phase") == "Bound" && claim.Str("spec.volumeName") is { Length: > 0 } boundTo)
        {
            if (context.Registry.TryGet(volumeType, null, boundTo) is null)
            {
                context.Events.Warning(claim, "ClaimLost", "Bound claim has lost its PersistentVolume. Data on the volume is lost!", Component);
                SetPhase(context, claim, "Lost", null);
            }
            return;
        }
        var classes = context.List(context.Type("storage.k8s.io", "storageclasses"), null);
        if (claim.At("spec.storageClassName") is null
            && classes.FirstOrDefault(c => c.Annotations()?["storageclass.kubernetes.io/is-default-class"]?.ToString() == "true") is { } defaultClass)
        {
            // Claims created without a class get the default one, as the DefaultStorageClass admission does.
            claim = Update(context, claim, c => c.Ensure("spec")["storageClassName"] = defaultClass.Name());
        }
        var volumes = context.List(volumeType, null);
        var match = claim.Str("spec.volumeName") is { Length: > 0 } named
            ? volumes.FirstOrDefault(v => v.Name() == named && (v.At("spec.claimRef") is not JsonObject r || r.Str("uid") is null or "" || r.Str("uid") == claim.Uid()))
            : Volumes.BestMatch(claim, volumes);
        if (match is not null)
        {
            Bind(context, claim, match);
            return;
        }
        var className = Volumes.ClassOf(claim);
        if (string.IsNullOrEmpty(className) || claim.Str("spec.volumeName") is { Length: > 0 })
        {
            context.Events.Normal(claim, "FailedBinding", "no persistent volumes available for this claim and no storage class is set", Component);
            return;
        }
        var storageClass = classes.FirstOrDefault(c => c.Name() == className);
        if (storageClass is null)
        {
            context.Events.Warning(claim, "ProvisioningFailed", $"storageclass.storage.k8s.io \"{className}\" not found", Component);
            return;
        }
        string? node = null;
        if (storageClass.Str("volumeBindingMode") == "WaitForFirstConsumer")
        {
            node = claim.Annotations()?[Volumes.SelectedNodeAnnotation]?.ToString() ?? FirstConsumerNode(context, claim);
            if (node is null)
            {
                context.Events.Normal(claim, "WaitForFirstConsumer", "waiting for first consumer to be created before binding", Component);
                return;
            }
        }
        Provision(context, claim, storageClass, node);
    }

    private static string? FirstConsumerNode(ControllerContext context, JsonObject claim) =>
        context.List(context.Type("", "pods"), claim.Namespace())
            .Where(p => p.Str("spec.nodeName") is { Length: > 0 } && Volumes.ClaimsOf(p).Contains(claim.Name()))
            .Select(p => p.Str("spec.nodeName"))
            .FirstOrDefault();

    private static void Provision(ControllerContext context, JsonObject claim, JsonObject storageClass, string? node)
    {
        var provisioner = storageClass.Str("provisioner") ?? "";
        claim = Update(context, claim, c =>
        {
            var annotations = c.Ensure("metadata.annotations");
            annotations["volume.beta.kubernetes.io/storage-provisioner"] = provisioner;
            annotations["volume.kubernetes.io/storage-provisioner"] = provisioner;
            if (node is not null)
            {
                annotations[Volumes.SelectedNodeAnnotation] = node;
            }
        });
        context.Events.Normal(claim, "ExternalProvisioning",
            $"Waiting for a volume to be created either by the external provisioner '{provisioner}' or manually by the system administrator. "
            + "If volume creation is delayed, please verify that the provisioner is running and correctly registered.", Component);
        context.Events.Normal(claim, "Provisioning", $"External provisioner is provisioning volume for claim \"{claim.Namespace()}/{claim.Name()}\"", provisioner);
        var volume = context.Registry.TryGet(context.Type("", "persistentvolumes"), null, $"pvc-{claim.Uid()}")
                     ?? context.Registry.Create(context.Type("", "persistentvolumes"), null, Volumes.Provisioned(claim, storageClass, node),
                         ControllerContext.ControllerWrite);
        context.Events.Normal(claim, "ProvisioningSucceeded", $"Successfully provisioned volume {volume.Name()}", provisioner);
        Bind(context, claim, volume);
    }

    private static void Bind(ControllerContext context, JsonObject claim, JsonObject volume)
    {
        var volumeType = context.Type("", "persistentvolumes");
        if (volume.At("spec.claimRef") is not JsonObject r || r.Str("uid") != claim.Uid())
        {
            var next = volume.DeepClone().AsObject();
            next.Ensure("spec")["claimRef"] = Volumes.ClaimRef(claim);
            next.Ensure("metadata.annotations")["pv.kubernetes.io/bound-by-controller"] = "yes";
            volume = context.Registry.Update(volumeType, null, volume.Name(), next, ControllerContext.ControllerWrite);
        }
        context.UpdateStatus(volumeType, volume, new JsonObject { ["phase"] = "Bound" });
        claim = Update(context, claim, c =>
        {
            c.Ensure("spec")["volumeName"] = volume.Name();
            var annotations = c.Ensure("metadata.annotations");
            annotations["pv.kubernetes.io/bind-completed"] = "yes";
            annotations["pv.kubernetes.io/bound-by-controller"] = "yes";
        });
        SetPhase(context, claim, "Bound", volume);
    }

    private static void SetPhase(ControllerContext context, JsonObject claim, string phase, JsonObject? volume)
    {
        var status = new JsonObject { ["phase"] = phase };
        if (volume is not null)
        {
            status["accessModes"] = volume.At("spec.accessModes")?.DeepClone();
            status["capacity"] = volume.At("spec.capacity")?.DeepClone();
        }
        context.UpdateStatus(context.Type("", "persistentvolumeclaims"), claim, status);
    }

    private static JsonObject Update(ControllerContext context, JsonObject claim, Action<JsonObject> change)
    {
        var next = claim.DeepClone().AsObject();
        change(next);
        return JsonNode.DeepEquals(next, claim)
            ? claim
            : context.Registry.Update(context.Type("", "persistentvolumeclaims"), claim.Namespace(), claim.Name(), next, ControllerContext.ControllerWrite);
    }
}
