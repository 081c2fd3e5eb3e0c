using System.Globalization;
using System.Text.Json.Nodes;
using KubeMcp.Cluster.Api;

namespace KubeMcp.Cluster.Controllers.Workloads;

/// <summary>
/// The stable identity of a StatefulSet's pods: the name <c>&lt;set&gt;-&lt;ordinal&gt;</c>, hostname and subdomain,
/// the identity labels, and one PersistentVolumeClaim per claim template named
/// <c>&lt;template&gt;-&lt;set&gt;-&lt;ordinal&gt;</c>.
/// </summary>
internal static class StatefulSetIdentity
{
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    /// <summary>The ordinal in a pod's name, or -1 when the name is not one this set would give.</summary>
    public static int Ordinal(JsonObject set, JsonObject pod)
    {
        var prefix = set.Name() + "-";
        var name = pod.Name();
        return name.StartsWith(prefix, StringComparison.Ordinal)
               && int.TryParse(name[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal)
               && ordinal.ToString(CultureInfo.InvariantCulture) == name[prefix.Length..]
            ? ordinal
            : -1;
    }

    public static string PodName(JsonObject set, int ordinal) => $"{set.Name()}-{ordinal.ToString(CultureInfo.InvariantCulture)}";

    public static string ClaimName(JsonObject set, JsonObject claimTemplate, int ordinal) =>
        $"{claimTemplate.Name()}-{PodName(set, ordinal)}";

    public static IEnumerable<JsonObject> ClaimTemplates(JsonObject set) =>
        (set.At("spec.volumeClaimTemplates") as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>A pod for an ordinal from a revision's template, with its identity and its claims mounted.</summary>
    public static JsonObject NewPod(JsonObject set, JsonObject revision, int ordinal)
    {
        var name = PodName(set, ordinal);
        var template = ControllerRevisions.TemplateOf(revision);
        var pod = PodTemplates.NewPod(set, template, name, new JsonObject
        {
            [ControllerRevisions.PodLabel] = revision.Name(),
            [PodNameLabel] = name,
            [PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture),
        });
        var spec = pod.Ensure("spec");
        spec["hostname"] = name;
        if (set.Str("spec.serviceName") is { Length: > 0 } service)
        {
            spec["subdomain"] = service;
        }
        var volumes = spec["volumes"] as JsonArray ?? [];
        spec["volumes"] = volumes;
        foreach (var claim in ClaimTemplates(set))
        {
            var volume = new JsonObject
            {
                ["name"] = claim.Name(),
                ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = ClaimName(set, claim, ordinal) },
            };
            var existing = volumes.OfType<JsonObject>().FirstOrDefault(v => v["name"]?.ToString() == claim.Name());
            if (existing is not null)
            {
                volumes[volumes.IndexOf(existing)] = volume;
            }
            else
            {
                volumes.Add(volume);
            }
        }
        if (volumes.Count == 0)
        {
            spec.Remove("volumes");
        }
        return pod;
    }

    /// <summary>The claim for one template and ordinal, labelled with the set's selector.</summary>
    public static JsonObject NewClaim(JsonObject set, JsonObject claimTemplate, int ordinal)
    {
        var labels = claimTemplate.Labels()?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var (k, v) in set.At("spec.selector.matchLabels") as JsonObject ?? [])
        {
            labels[k] = v?.DeepClone();
        }
        var meta = new JsonObject
        {
            ["name"] = ClaimName(set, claimTemplate, ordinal),
            ["namespace"] = set.Namespace(),
            ["labels"] = labels,
        };
        if (claimTemplate.Annotations() is { } annotations)
        {
            meta["annotations"] = annotations.DeepClone();
        }
        if (set.Str("spec.persistentVolumeClaimRetentionPolicy.whenDeleted") == "Delete")
        {
            meta["ownerReferences"] = new JsonArray(ControllerRefs.For(set));
        }
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "PersistentVolumeClaim",
            ["metadata"] = meta,
            ["spec"] = claimTemplate["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
