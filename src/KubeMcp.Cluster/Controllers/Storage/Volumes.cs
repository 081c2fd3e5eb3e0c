using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;
using KubeMcp.Cluster.Selectors;

namespace KubeMcp.Cluster.Controllers.Storage;

/// <summary>
/// Matching claims to volumes as the PersistentVolume binder does (class, access modes, volume mode, size, selector;
/// the smallest volume that fits wins), and the volume a provisioner makes for a claim.
/// </summary>
internal static class Volumes
{
    public const string SelectedNodeAnnotation = "volume.kubernetes.io/selected-node";

    public static long Requested(JsonObject claim) => Quantity.BytesOrZero(claim.Str("spec.resources.requests.storage"));

    public static string? ClassOf(JsonObject obj) => obj.Str("spec.storageClassName");

    /// <summary>The smallest unclaimed (or pre-bound to this claim) volume that satisfies the claim.</summary>
    public static JsonObject? BestMatch(JsonObject claim, IEnumerable<JsonObject> volumes)
    {
        var wantedModes = (claim.At("spec.accessModes") as JsonArray ?? []).Select(m => m?.ToString()).ToList();
        var selector = claim.At("spec.selector") as JsonObject;
        LabelSelector? labels;
        try
        {
            labels = selector is null ? null : LabelSelector.FromObject(selector);
        }
        catch (ApiException)
        {
            return null;
        }
        return volumes
            .Where(v => v.At("spec.claimRef") is not JsonObject r || (r.Str("name") == claim.Name() && r.Str("namespace") == claim.Namespace()))
            .Where(v => v.Str("status.phase") is null or "Available" or "Pending")
            .Where(v => (ClassOf(v) ?? "") == (ClassOf(claim) ?? ""))
            .Where(v => (v.Str("spec.volumeMode") ?? "Filesystem") == (claim.Str("spec.volumeMode") ?? "Filesystem"))
            .Where(v => wantedModes.All(m => (v.At("spec.accessModes") as JsonArray ?? []).Any(a => a?.ToString() == m)))
            .Where(v => Quantity.BytesOrZero(v.Str("spec.capacity.storage")) >= Requested(claim))
            .Where(v => labels is null || labels.Matches(v.Labels()))
            .OrderBy(v => Quantity.BytesOrZero(v.Str("spec.capacity.storage")))
            .ThenBy(v => v.Name(), StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>A volume for the claim from its class's provisioner, tied to the selected node when there is one.</summary>
    public static JsonObject Provisioned(JsonObject claim, JsonObject storageClass, string? node)
    {
        var name = $"pvc-{claim.Uid()}";
        var spec = new JsonObject
        {
            ["capacity"] = new JsonObject { ["storage"] = claim.Str("spec.resources.requests.storage") ?? "1Gi" },
            ["accessModes"] = claim.At("spec.accessModes")?.DeepClone() ?? new JsonArray("ReadWriteOnce"),
            ["persistentVolumeReclaimPolicy"] = storageClass.Str("reclaimPolicy") ?? "Delete",
            ["storageClassName"] = storageClass.Name(),
            ["volumeMode"] = claim.Str("spec.volumeMode") ?? "Filesystem",
            ["hostPath"] = new JsonObject
            {
                ["path"] = $"/var/local-path-provisioner/{name}_{claim.Namespace()}_{claim.Name()}",
                ["type"] = "DirectoryOrCreate",
            },
            ["claimRef"] = ClaimRef(claim),
        };
        if (node is not null)
        {
            spec["nodeAffinity"] = new JsonObject
            {
                ["required"] = new JsonObject
                {
                    ["nodeSelectorTerms"] = new JsonArray(new JsonObject
                    {
                        ["matchExpressions"] = new JsonArray(new JsonObject
                        {
                            ["key"] = "kubernetes.io/hostname",
                            ["operator"] = "In",
                            ["values"] = new JsonArray(node),
                        }),
                    }),
                },
            };
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolume",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["annotations"] = new JsonObject { ["pv.kubernetes.io/provisioned-by"] = storageClass.Str("provisioner") },
            },
            ["spec"] = spec,
            ["status"] = new JsonObject { ["phase"] = "Bound" },
        };
    }

    public static JsonObject ClaimRef(JsonObject claim) => new()
    {
        ["kind"] = "PersistentVolumeClaim",
        ["namespace"] = claim.Namespace(),
        ["name"] = claim.Name(),
        ["uid"] = claim.Uid(),
        ["apiVersion"] = "v1",
        ["resourceVersion"] = claim["metadata"]?["resourceVersion"]?.DeepClone(),
    };

    /// <summary>Names of the claims a pod's volumes use.</summary>
    public static IEnumerable<string> ClaimsOf(JsonObject pod) =>
        (pod.At("spec.volumes") as JsonArray ?? []).OfType<JsonObject>()
            .Select(v => v.Str("persistentVolumeClaim.claimName"))
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!);
}
